namespace Wharf.Core.Api;

/// <summary>One row of `wharf ps`: a process, or a service slot waiting to be restarted after crashes.</summary>
/// <param name="Id">The process id; null for a slot with no process (state "crashed", waiting for <paramref name="NextAttemptAt"/>).</param>
/// <param name="Kind">"service", "oneoff" or "timer".</param>
/// <param name="Timer">The timer that started it, for kind "timer".</param>
/// <param name="State">"running", "created", "exited" or "crashed" (a service crash looping or waiting out its backoff).</param>
/// <param name="Uptime">Seconds since it started, while it runs.</param>
/// <param name="CpuPercent">Share of one core (200 = two cores busy); null when unknown.</param>
/// <param name="Restarts">For service processes: how often the service's processes were restarted after exiting since the server started.</param>
/// <param name="LastExit">For service processes: how the service's last process ended.</param>
public sealed record ProcessInfo(
    string? Id,
    string App,
    string Service,
    int Release,
    string Kind,
    string? Timer,
    string State,
    DateTimeOffset? StartedAt,
    long? Uptime,
    int? ExitCode,
    double? CpuPercent,
    long? MemoryBytes,
    long? MemoryLimitBytes,
    int Restarts,
    ProcessExitInfo? LastExit,
    DateTimeOffset? NextAttemptAt,
    IReadOnlyList<string>? Command);
