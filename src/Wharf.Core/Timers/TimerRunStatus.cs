namespace Wharf.Core.Timers;

public enum TimerRunStatus
{
    Running,
    Succeeded,
    Failed,

    /// <summary>Not started: the concurrency policy is forbid and the previous run was still going.</summary>
    Skipped,

    /// <summary>Stopped by a newer run (concurrency replace) or by hand.</summary>
    Stopped,
}
