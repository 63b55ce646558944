namespace Wharf.Cli;

/// <summary>A failure the user can fix, reported as its message alone with <see cref="ExitCode"/>.</summary>
internal sealed class CliException(string message, int exitCode = ExitCodes.Error) : Exception(message)
{
    public int ExitCode => exitCode;
}
