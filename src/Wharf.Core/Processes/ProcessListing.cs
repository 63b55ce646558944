using Wharf.Core.Api;
using Wharf.Core.Apps;
using Wharf.Core.Runtime;
using Wharf.Core.State;

namespace Wharf.Core.Processes;

/// <summary>`wharf ps`: every process of an app with its CPU and memory, plus the service slots waiting out a crash backoff.</summary>
public sealed class ProcessListing(
    IStateStore state,
    IProcessRuntime runtime,
    ReleaseSnapshotLoader releases,
    CrashBook crashes,
    ProcessOptions options,
    TimeProvider clock)
{
    public async Task<IReadOnlyList<ProcessInfo>> ListAsync(string app, CancellationToken ct = default)
    {
        var found = await state.Apps.RequireAsync(app, ct);
        var processes = await runtime.ListAsync(app, ct);
        var stats = await Task.WhenAll(processes.Select(p => StatsAsync(p, ct)));
        var now = clock.GetUtcNow();
        var rows = processes.Select((p, i) => ToInfo(p, stats[i], now)).ToList();
        rows.AddRange(await WaitingSlotsAsync(found, processes, now, ct));
        return [.. rows.OrderBy(r => r.Kind, StringComparer.Ordinal).ThenBy(r => r.Service, StringComparer.Ordinal).ThenBy(r => r.StartedAt ?? DateTimeOffset.MaxValue)];
    }

    /// <summary>One process as `wharf ps` shows it, without CPU and memory.</summary>
    public ProcessInfo Describe(RuntimeProcess process) => ToInfo(process, null, clock.GetUtcNow());

    private async Task<ProcessStats?> StatsAsync(RuntimeProcess process, CancellationToken ct)
    {
        if (process.State != ProcessState.Running)
        {
            return null;
        }

        try
        {
            return await runtime.StatsAsync(process.Id, ct).WaitAsync(options.StatsTimeout, clock, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // A slow or failing stats call leaves the numbers out; the row itself still matters.
            return null;
        }
    }

    private ProcessInfo ToInfo(RuntimeProcess process, ProcessStats? stats, DateTimeOffset now)
    {
        var crash = process.Kind == ProcessKind.Service ? crashes.Status(process.App, process.Service, now) : null;
        var uptime = process is { State: ProcessState.Running, StartedAt: { } started } ? (long?)Math.Max(0, (long)(now - started).TotalSeconds) : null;
        return new ProcessInfo(
            process.Id,
            process.App,
            process.Service,
            process.Release,
            ProcessNames.Kind(process.Kind),
            process.Timer,
            ProcessNames.State(process.State),
            process.StartedAt,
            uptime,
            process.ExitCode,
            stats?.CpuPercent,
            stats?.MemoryBytes,
            stats?.MemoryLimitBytes,
            crash?.Restarts ?? 0,
            ToInfo(crash?.LastExit),
            null,
            process.Command);
    }

    /// <summary>A row per missing process of a service that crashed and waits for its next attempt.</summary>
    private async Task<IEnumerable<ProcessInfo>> WaitingSlotsAsync(App app, IReadOnlyList<RuntimeProcess> processes, DateTimeOffset now, CancellationToken ct)
    {
        if (app.CurrentRelease is not int current)
        {
            return [];
        }

        ReleaseSnapshot? snapshot;
        try
        {
            snapshot = await releases.LoadAsync(app.Name, current, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return [];
        }

        if (snapshot is null)
        {
            return [];
        }

        var desired = FormationPlanner.Desired(snapshot.Manifest, await state.Formation.GetAsync(app.Name, ct));
        var rows = new List<ProcessInfo>();
        foreach (var (service, count) in desired)
        {
            var status = crashes.Status(app.Name, service, now);
            var live = processes.Count(p => p is { Kind: ProcessKind.Service, State: not ProcessState.Exited } && p.Release == current && p.Service == service);
            if (status.ConsecutiveCrashes == 0 || live >= count)
            {
                continue;
            }

            rows.AddRange(Enumerable.Range(0, count - live).Select(_ => new ProcessInfo(
                null, app.Name, service, current, ProcessNames.Kind(ProcessKind.Service), null, ProcessNames.Crashed, null, null,
                status.LastExit?.ExitCode, null, null, null, status.Restarts, ToInfo(status.LastExit), status.NextAttemptAt, null)));
        }

        return rows;
    }

    private static ProcessExitInfo? ToInfo(ProcessExit? exit) => exit is null
        ? null
        : new ProcessExitInfo(exit.ProcessId, exit.ExitCode, exit.OutOfMemory, exit.Crashed, exit.At, exit.Describe(), exit.LastLines);
}
