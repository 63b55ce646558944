using System.Collections.Concurrent;
using Wharf.Core.Errors;
using Wharf.Core.Processes;
using Wharf.Core.Runtime;
using Wharf.Core.State;
using Wharf.Manifest;

namespace Wharf.Core.Timers;

/// <summary>
/// Starts timer processes when their schedule comes due and records every run. A timer first seen (a deploy, a
/// server start) fires at its next time after that moment: runs missed while the server was down are not made up.
/// Each started run is watched until its process exits, then recorded as succeeded or failed and removed.
/// </summary>
public sealed class TimerScheduler(
    IStateStore state,
    IProcessRuntime runtime,
    ReleaseSnapshotLoader releases,
    BackgroundWork work,
    IProcessEvents events,
    TimeProvider clock) : IDisposable
{
    private readonly SemaphoreSlim _ticking = new(1, 1);
    private readonly ConcurrentDictionary<(string App, string Timer), TimerSlot> _slots = new();
    private readonly ConcurrentDictionary<string, TimerRun> _active = new(StringComparer.Ordinal);

    /// <summary>Fires the timers due now.</summary>
    public Task TickAsync(CancellationToken ct = default) => TickAsync(clock.GetUtcNow(), ct);

    /// <summary>Fires the timers due at <paramref name="now"/> (tests drive time through here).</summary>
    public async Task TickAsync(DateTimeOffset now, CancellationToken ct = default)
    {
        await _ticking.WaitAsync(ct);
        try
        {
            var seen = new HashSet<(string, string)>();
            foreach (var app in await state.Apps.ListAsync(ct))
            {
                if (app.CurrentRelease is not int current)
                {
                    continue;
                }

                try
                {
                    if (await releases.LoadAsync(app.Name, current, ct) is { } snapshot)
                    {
                        await TickAppAsync(snapshot, now, seen, ct);
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    events.Failed(app.Name, "run timers", e);
                }
            }

            foreach (var gone in _slots.Keys.Where(k => !seen.Contains(k)))
            {
                _slots.TryRemove(gone, out _);
            }
        }
        finally
        {
            _ticking.Release();
        }
    }

    /// <summary>When the timer fires next, as the scheduler sees it.</summary>
    public DateTimeOffset NextRun(string app, TimerManifest timer, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(timer);
        return _slots.TryGetValue((app, timer.Name), out var slot) && slot.Expression == timer.Schedule.Expression
            ? timer.Schedule.Next(slot.LastCheck)
            : timer.Schedule.Next(now);
    }

    /// <summary>After a server start: finishes the runs still marked running whose process has ended, and watches the others again.</summary>
    public async Task SettleAsync(CancellationToken ct = default)
    {
        foreach (var run in await state.TimerRuns.ListRunningAsync(ct))
        {
            var process = run.ProcessId is { } id ? await runtime.GetAsync(id, ct) : null;
            if (process is null)
            {
                await state.TimerRuns.UpdateAsync(run with { Status = TimerRunStatus.Failed, FinishedAt = clock.GetUtcNow() }, ct);
            }
            else if (process.State == ProcessState.Exited)
            {
                _active[process.Id] = run;
                await FinishAsync(process.Id, process.ExitCode ?? -1, ct);
            }
            else
            {
                _active[process.Id] = run;
                Watch(run.App, run.Timer, process.Id);
            }
        }
    }

    public void Dispose() => _ticking.Dispose();

    private async Task TickAppAsync(ReleaseSnapshot snapshot, DateTimeOffset now, HashSet<(string, string)> seen, CancellationToken ct)
    {
        foreach (var timer in snapshot.Manifest.Timers.Values)
        {
            var key = (snapshot.App, timer.Name);
            seen.Add(key);
            if (!_slots.TryGetValue(key, out var slot) || slot.Expression != timer.Schedule.Expression)
            {
                _slots[key] = new TimerSlot(timer.Schedule.Expression, now);
                continue;
            }

            var due = timer.Schedule.Next(slot.LastCheck);
            if (due <= now)
            {
                // Only the latest missed time fires: a scheduler that was held up does not start a burst of runs.
                _slots[key] = slot with { LastCheck = now };
                await FireAsync(snapshot, timer, due, ct);
            }
        }
    }

    private async Task FireAsync(ReleaseSnapshot snapshot, TimerManifest timer, DateTimeOffset due, CancellationToken ct)
    {
        var running = (await runtime.ListAsync(snapshot.App, ct))
            .Where(p => p is { Kind: ProcessKind.Timer, State: not ProcessState.Exited } && p.Timer == timer.Name)
            .ToList();
        var run = new TimerRun(0, snapshot.App, timer.Name, snapshot.Release.Version, due, null, null, TimerRunStatus.Running, null, null);
        if (running.Count > 0 && timer.Concurrency == TimerConcurrency.Forbid)
        {
            await state.TimerRuns.AppendAsync(run with { Status = TimerRunStatus.Skipped }, ct);
            return;
        }

        if (timer.Concurrency == TimerConcurrency.Replace)
        {
            foreach (var previous in running)
            {
                await StopRunAsync(snapshot, previous, ct);
            }
        }

        RuntimeProcess process;
        try
        {
            process = await runtime.StartAsync(snapshot.Spec(timer.Service, ProcessKind.Timer, timer.Name, timer.Command.Arguments), ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            var now = clock.GetUtcNow();
            await state.TimerRuns.AppendAsync(run with { Status = TimerRunStatus.Failed, StartedAt = now, FinishedAt = now }, ct);
            events.Failed(snapshot.App, $"start timer {timer.Name}", e);
            return;
        }

        var stored = await state.TimerRuns.AppendAsync(run with { StartedAt = process.StartedAt ?? clock.GetUtcNow(), ProcessId = process.Id }, ct);
        _active[process.Id] = stored;
        events.Started(process, $"timer {timer.Name} due at {due:u}");
        Watch(snapshot.App, timer.Name, process.Id);
    }

    private async Task StopRunAsync(ReleaseSnapshot snapshot, RuntimeProcess process, CancellationToken ct)
    {
        // Taken out of the active runs first, so its watcher does not record the stop as a failure.
        _active.TryRemove(process.Id, out var run);
        await runtime.StopAsync(process.Id, snapshot.GraceFor(process.Service, TimeSpan.FromSeconds(10)), ct);
        events.Stopped(snapshot.App, process.Id, process.Service, $"timer {process.Timer} replaced by a newer run");
        run ??= (await state.TimerRuns.ListAsync(snapshot.App, process.Timer, 50, ct)).FirstOrDefault(r => r.ProcessId == process.Id);
        if (run is { Status: TimerRunStatus.Running })
        {
            await state.TimerRuns.UpdateAsync(run with { Status = TimerRunStatus.Stopped, FinishedAt = clock.GetUtcNow() }, ct);
        }
    }

    private void Watch(string app, string timer, string processId) =>
        work.Run(app, $"watch timer {timer}", async ct =>
        {
            int code;
            try
            {
                code = await runtime.WaitAsync(processId, ct);
            }
            catch (NotFoundException)
            {
                // Removed under us (the app was deleted, or a replace stopped it): nothing left to wait for.
                code = -1;
            }

            await FinishAsync(processId, code, ct);
        });

    private async Task FinishAsync(string processId, int code, CancellationToken ct)
    {
        if (!_active.TryRemove(processId, out var run))
        {
            return;
        }

        var finished = run with
        {
            FinishedAt = clock.GetUtcNow(),
            Status = code == 0 ? TimerRunStatus.Succeeded : TimerRunStatus.Failed,
            ExitCode = code >= 0 ? code : null,
        };
        await state.TimerRuns.UpdateAsync(finished, ct);
        var lines = await ProcessLogs.TailAsync(runtime, processId, 20, ct);
        events.Exited(new ProcessExit(processId, run.App, run.Timer, run.Release, finished.ExitCode, false, false, run.StartedAt, finished.FinishedAt!.Value, lines));
        await runtime.RemoveAsync(processId, ct);
    }
}
