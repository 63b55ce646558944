using Wharf.Core.Apps;
using Wharf.Core.Routing;
using Wharf.Core.Runtime;
using Wharf.Core.State;

namespace Wharf.Core.Processes;

/// <summary>
/// Makes what runs match what should run: for every app with a current release, each service runs its formation's
/// count of processes of that release. Exited processes are recorded in the <see cref="CrashBook"/> and replaced
/// (after a backoff when they crashed), extras are stopped (those already draining first, then the newest), and
/// service processes of other releases are stopped; every process it stops is first taken out of the router's
/// table and drained. One-off and timer processes are never touched, except that exited detached one-offs are recorded
/// and removed. Apps whose lock is taken (a rollout, a restart) are skipped this round. Keeps no state of its own
/// beyond the crash book, so a new instance adopts whatever runs.
/// </summary>
public sealed class Reconciler(
    IStateStore state,
    IProcessRuntime runtime,
    ReleaseSnapshotLoader releases,
    CrashBook crashes,
    AppLocks locks,
    AttachedProcesses attached,
    IProcessEvents events,
    RouterSync router,
    DrainingProcesses draining,
    ProcessDrainer drainer,
    ProcessOptions options,
    TimeProvider clock)
{
    /// <summary>One round over every app; failures are reported per app and never thrown.</summary>
    public async Task ReconcileAllAsync(CancellationToken ct = default)
    {
        IReadOnlyList<App> apps;
        try
        {
            apps = await state.Apps.ListAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            events.Failed("*", "list apps", e);
            return;
        }

        foreach (var app in apps)
        {
            await ReconcileAppAsync(app.Name, ct);
        }
    }

    /// <summary>Reconciles one app unless its lock is taken; returns false when it was skipped.</summary>
    public async Task<bool> ReconcileAppAsync(string app, CancellationToken ct = default)
    {
        using var held = locks.TryAcquire(app);
        if (held is null)
        {
            return false;
        }

        try
        {
            await ReconcileLockedAsync(app, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            events.Failed(app, "reconcile", e);
        }

        return true;
    }

    private async Task ReconcileLockedAsync(string app, CancellationToken ct)
    {
        // Processes only ever run for a release that has a build: apps without one have nothing to look at.
        if (await state.Apps.GetAsync(app, ct) is not { CurrentRelease: int current }
            || await state.Releases.GetAsync(app, current, ct) is not { Build: not null })
        {
            return;
        }

        var processes = await runtime.ListAsync(app, ct);
        await RemoveExitedOneOffsAsync(processes, ct);
        if (await releases.LoadAsync(app, current, ct) is not { } snapshot)
        {
            return;
        }

        var overrides = await state.Formation.GetAsync(app, ct);
        var desired = FormationPlanner.Desired(snapshot.Manifest, overrides);
        var services = processes.Where(p => p.Kind == ProcessKind.Service).ToList();
        foreach (var (service, count) in desired)
        {
            var mine = services.Where(p => p.Release == current && p.Service == service).ToList();
            await ReconcileServiceAsync(snapshot, service, count, mine, ct);
        }

        // Processes of other releases, and of services the current release no longer has, go after the current
        // ones were started, so a release made without a rollout still replaces rather than empties the app.
        var strays = services.Where(p => p.Release != current || !desired.ContainsKey(p.Service)).ToList();
        await RetireAsync(strays, snapshot, "not in the current release", ct);
    }

    private async Task ReconcileServiceAsync(ReleaseSnapshot snapshot, string service, int desired, List<RuntimeProcess> processes, CancellationToken ct)
    {
        foreach (var exited in processes.Where(p => p.State == ProcessState.Exited))
        {
            var exit = await ExitOfAsync(exited, ct);
            var status = crashes.Record(exit, clock.GetUtcNow());
            events.Exited(exit);
            if (status.CrashLooping && status.NextAttemptAt is { } next)
            {
                events.CrashLoop(exit.App, service, status.ConsecutiveCrashes, next);
            }

            await runtime.RemoveAsync(exited.Id, ct);
        }

        var live = processes.Where(p => p.State != ProcessState.Exited).ToList();
        var now = clock.GetUtcNow();
        crashes.NoteRunning(snapshot.App, service, live.Where(p => p.State == ProcessState.Running), now);
        if (live.Count < desired && crashes.CanStart(snapshot.App, service, now))
        {
            for (var i = live.Count; i < desired; i++)
            {
                if (!await TryStartAsync(snapshot, service, ct))
                {
                    break;
                }
            }
        }
        else if (live.Count > desired)
        {
            // A process already on its way out (a restart's old one whose stop failed) goes before one that serves.
            var extras = live
                .OrderByDescending(p => draining.Contains(p.Id))
                .ThenByDescending(p => p.CreatedAt)
                .ThenByDescending(p => p.Id, StringComparer.Ordinal)
                .Take(live.Count - desired)
                .ToList();
            await RetireAsync(extras, snapshot, "more than the formation's count", ct);
        }
    }

    private async Task<bool> TryStartAsync(ReleaseSnapshot snapshot, string service, CancellationToken ct)
    {
        try
        {
            var process = await runtime.StartAsync(snapshot.Spec(service), ct);
            if (await state.Apps.GetAsync(snapshot.App, ct) is null)
            {
                // Deleted while this round ran: its processes were removed, this one must not outlive it.
                await runtime.StopAsync(process.Id, TimeSpan.Zero, ct);
                return false;
            }

            events.Started(process, "the formation needs it");
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // A start the runtime refuses (missing image, missing config) backs off like a crash.
            var now = clock.GetUtcNow();
            var exit = new ProcessExit(null, snapshot.App, service, snapshot.Release.Version, null, false, true, null, now, [e.Message]);
            var status = crashes.Record(exit, now);
            events.Failed(snapshot.App, $"start {service}", e);
            if (status.CrashLooping && status.NextAttemptAt is { } next)
            {
                events.CrashLoop(snapshot.App, service, status.ConsecutiveCrashes, next);
            }

            return false;
        }
    }

    private async Task RemoveExitedOneOffsAsync(IReadOnlyList<RuntimeProcess> processes, CancellationToken ct)
    {
        foreach (var process in processes.Where(p => p is { Kind: ProcessKind.OneOff, State: ProcessState.Exited } && !attached.Contains(p.Id)))
        {
            events.Exited(await ExitOfAsync(process, ct));
            await runtime.RemoveAsync(process.Id, ct);
        }
    }

    private async Task<ProcessExit> ExitOfAsync(RuntimeProcess process, CancellationToken ct)
    {
        var lines = await ProcessLogs.TailAsync(runtime, process.Id, options.ExitLogLines, ct);
        return new ProcessExit(
            process.Id, process.App, process.Service, process.Release, process.ExitCode, process.OutOfMemory,
            process.Kind == ProcessKind.Service && crashes.IsCrash(process, clock.GetUtcNow()),
            process.StartedAt, process.FinishedAt ?? clock.GetUtcNow(), lines);
    }

    /// <summary>Takes the processes out of the router's table, lets each finish its requests, then stops them.</summary>
    private async Task RetireAsync(List<RuntimeProcess> processes, ReleaseSnapshot snapshot, string reason, CancellationToken ct)
    {
        if (processes.Count == 0)
        {
            return;
        }

        try
        {
            await router.ExcludeAsync(processes.Select(p => p.Id), ct);
        }
        catch (RouterSyncException)
        {
            // RouterSync reports it; they go all the same, and the router learns of it once it answers.
        }

        await Task.WhenAll(processes.Select(async p =>
        {
            var grace = snapshot.GraceFor(p.Service, options.DefaultGrace);
            await drainer.DrainAsync(p, grace, ct);
            await StopAsync(p, grace, reason, ct);
        }));
    }

    private async Task StopAsync(RuntimeProcess process, TimeSpan grace, string reason, CancellationToken ct)
    {
        try
        {
            await runtime.StopAsync(process.Id, grace, ct);
            events.Stopped(process.App, process.Id, process.Service, reason);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            events.Failed(process.App, $"stop {process.Id}", e);
        }
    }
}
