using Wharf.Core.Api;
using Wharf.Core.Processes;
using Wharf.Core.State;

namespace Wharf.Core.Timers;

/// <summary>`wharf timers`: the current release's timers, when each runs next and how its last runs went.</summary>
public sealed class TimerService(IStateStore state, ReleaseSnapshotLoader releases, TimerScheduler scheduler, TimeProvider clock)
{
    public const int RunsShown = 10;

    public async Task<IReadOnlyList<TimerInfo>> ListAsync(string app, CancellationToken ct = default)
    {
        var snapshot = await releases.CurrentAsync(app, ct);
        if (snapshot is null)
        {
            return [];
        }

        var now = clock.GetUtcNow();
        var timers = new List<TimerInfo>();
        foreach (var timer in snapshot.Manifest.Timers.Values)
        {
            var runs = await state.TimerRuns.ListAsync(app, timer.Name, RunsShown, ct);
            timers.Add(new TimerInfo(
                timer.Name,
                timer.Schedule.Expression,
                timer.Service,
                timer.Concurrency.ToString().ToLowerInvariant(),
                timer.Command.Arguments,
                scheduler.NextRun(app, timer, now),
                [.. runs.Select(r => new TimerRunInfo(r.ScheduledAt, r.StartedAt, r.FinishedAt, r.Status.ToString().ToLowerInvariant(), r.ExitCode, r.ProcessId, r.Release))]));
        }

        return timers;
    }
}
