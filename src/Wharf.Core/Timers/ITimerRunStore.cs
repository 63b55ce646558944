namespace Wharf.Core.Timers;

public interface ITimerRunStore
{
    /// <summary>Appends the run (its Id is ignored) and returns it with the assigned Id.</summary>
    Task<TimerRun> AppendAsync(TimerRun run, CancellationToken ct = default);

    /// <summary>Replaces start and finish time, status, exit code and process id of an existing run.</summary>
    Task UpdateAsync(TimerRun run, CancellationToken ct = default);

    /// <summary>Newest first (by scheduled time), at most <paramref name="limit"/>, optionally of one timer.</summary>
    Task<IReadOnlyList<TimerRun>> ListAsync(string app, string? timer = null, int limit = 20, CancellationToken ct = default);

    /// <summary>Runs of every app still marked running, oldest first (to settle after a server restart).</summary>
    Task<IReadOnlyList<TimerRun>> ListRunningAsync(CancellationToken ct = default);
}
