using Wharf.Core.Timers;

namespace Wharf.Core.Tests.Fakes;

public sealed class InMemoryTimerRunStore : ITimerRunStore
{
    private readonly List<TimerRun> _runs = [];

    public Task<TimerRun> AppendAsync(TimerRun run, CancellationToken ct = default)
    {
        var stored = run with { Id = _runs.Count + 1 };
        _runs.Add(stored);
        return Task.FromResult(stored);
    }

    public Task UpdateAsync(TimerRun run, CancellationToken ct = default)
    {
        _runs[_runs.FindIndex(r => r.Id == run.Id)] = run;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<TimerRun>> ListAsync(string app, string? timer = null, int limit = 20, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<TimerRun>>(
        [
            .. _runs.Where(r => r.App == app && (timer is null || r.Timer == timer)).OrderByDescending(r => r.ScheduledAt).Take(limit),
        ]);

    public Task<IReadOnlyList<TimerRun>> ListRunningAsync(CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<TimerRun>>([.. _runs.Where(r => r.Status == TimerRunStatus.Running).OrderBy(r => r.ScheduledAt)]);

    public void Forget(string app) => _runs.RemoveAll(r => r.App == app);
}
