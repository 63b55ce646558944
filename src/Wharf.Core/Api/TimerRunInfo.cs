namespace Wharf.Core.Api;

/// <summary>One run of a timer.</summary>
/// <param name="Status">"running", "succeeded", "failed", "skipped" (forbid: the previous run was still going) or "stopped".</param>
/// <param name="ExitCode">The process's exit code, once it has ended.</param>
public sealed record TimerRunInfo(
    DateTimeOffset ScheduledAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    string Status,
    int? ExitCode,
    string? ProcessId,
    int Release);
