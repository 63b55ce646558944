namespace Wharf.Core.Resources;

/// <summary>What a short command inside a resource printed (each stream capped) and how it exited.</summary>
public sealed record CommandResult(int ExitCode, string Stdout, string Stderr);
