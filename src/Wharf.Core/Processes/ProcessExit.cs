namespace Wharf.Core.Processes;

/// <summary>How a process ended, as the reconciler found it.</summary>
/// <param name="ExitCode">Null when the process never started (the runtime refused it).</param>
/// <param name="Crashed">It ended within the crash window after it started (or never started).</param>
/// <param name="LastLines">The last lines it wrote (or, when it never started, why).</param>
public sealed record ProcessExit(
    string? ProcessId,
    string App,
    string Service,
    int Release,
    int? ExitCode,
    bool OutOfMemory,
    bool Crashed,
    DateTimeOffset? StartedAt,
    DateTimeOffset At,
    IReadOnlyList<string> LastLines)
{
    /// <summary>"exited with code 1", "was killed: out of memory", "failed to start".</summary>
    public string Describe() => (ExitCode, OutOfMemory) switch
    {
        (_, true) => "was killed: out of memory",
        (int code, _) => $"exited with code {code}",
        _ => "failed to start",
    };
}
