namespace Wharf.Core.Api;

/// <summary>How a process ended.</summary>
/// <param name="ExitCode">Null when it never started.</param>
/// <param name="Crashed">It ended within a minute of starting.</param>
/// <param name="Description">"exited with code 1", "was killed: out of memory" or "failed to start".</param>
/// <param name="LastLines">The last lines it wrote (up to 20).</param>
public sealed record ProcessExitInfo(
    string? ProcessId,
    int? ExitCode,
    bool OutOfMemory,
    bool Crashed,
    DateTimeOffset At,
    string Description,
    IReadOnlyList<string> LastLines);
