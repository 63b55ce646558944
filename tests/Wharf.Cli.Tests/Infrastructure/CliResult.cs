namespace Wharf.Cli.Tests.Infrastructure;

/// <summary>What one run of the real <c>wharf</c> process did.</summary>
public sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{Stdout}\n--- stderr ---\n{Stderr}";
}
