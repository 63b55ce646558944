namespace Wharf.Core.Timers;

/// <summary>One scheduled run of a timer.</summary>
/// <param name="Id">Assigned by the store; 0 before insertion.</param>
/// <param name="ScheduledAt">The cron time this run is for.</param>
/// <param name="ProcessId">The one-off process that ran it, when one was started.</param>
public sealed record TimerRun(
    long Id,
    string App,
    string Timer,
    int Release,
    DateTimeOffset ScheduledAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    TimerRunStatus Status,
    int? ExitCode,
    string? ProcessId);
