using Microsoft.Extensions.Logging;
using Wharf.Core.Routing;
using Wharf.Core.Runtime;

namespace Wharf.Core.Deployments;

/// <summary>
/// Rolls one service in steps when its <c>deployment</c> bounds forbid starting every new process at once. Each
/// step: takes old processes out of rotation first while the minimum allows it (drained, then stopped); starts as
/// many new ones as the maximum allows; waits until they are ready; puts them in rotation next to the old ones
/// (<see cref="JoiningProcesses"/>, since their release is not current yet); then drains and stops as many old ones
/// as they replaced. At no moment do more than <see cref="RollingBounds.MaximumRunning"/> processes of the service
/// run, nor fewer than <see cref="RollingBounds.MinimumInRotation"/> ready ones serve.
/// </summary>
public sealed class RollingRollout(
    IProcessRuntime runtime,
    ProcessDrainer drainer,
    OldProcessStopper stopper,
    RouterSync router,
    ReadyProcesses ready,
    JoiningProcesses joining,
    RollingRestore restore,
    ILogger<RollingRollout> logger)
{
    /// <summary>Rolls the service until its count of new processes serves and none of the old one runs.</summary>
    public async Task RollAsync(RollingRequest request, LiveLog log, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(log);
        var (app, name, bounds) = (request.Plan.Release.App, request.Service.Name, request.Bounds);
        var count = bounds.Count;
        var known = request.Started.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var old = (await runtime.ListAsync(app, ct))
            .Where(p => p is { Kind: ProcessKind.Service, State: ProcessState.Running } && p.Service == name && !known.Contains(p.Id))
            .OrderBy(p => p.CreatedAt)
            .ThenBy(p => p.Id, StringComparer.Ordinal)
            .ToList();
        if (old.Count == 0)
        {
            // Nothing to replace (a first deploy, a service new or scaled up from 0): the count fits within the bounds.
            await StartAndWaitAsync(request, [], count, log);
            return;
        }

        if (bounds.Nudged)
        {
            RollingLog.Nudged(logger, app, name);
            await log.WriteAsync($"{name}: its deployment bounds allow no progress (no process above the count, none out of rotation), so one extra process is used");
        }

        RollingLog.Rolling(logger, app, name, request.Plan.Release.Version, count, bounds.Surge, bounds.Unavailable);
        await log.WriteAsync(
            $"{name}: rolling in steps: at most {bounds.MaximumRunning} processes running, at least {bounds.MinimumInRotation} in rotation");
        var fresh = new List<RuntimeProcess>();
        while (fresh.Count < count || old.Count > 0)
        {
            ct.ThrowIfCancellationRequested();
            var first = Math.Min(old.Count, old.Count + fresh.Count - bounds.MinimumInRotation);
            if (first > 0)
            {
                await log.WriteAsync($"{name}: taking {LogWords.Processes(first, "old")} out of rotation first ({bounds.MinimumInRotation} of {count} must stay)");
                await RetireAsync(request, old, first, log);
            }

            var room = Math.Min(count - fresh.Count, bounds.MaximumRunning - old.Count - fresh.Count);
            if (room <= 0 && first <= 0)
            {
                throw new InvalidOperationException($"Rolling {name} made no progress: {fresh.Count} new and {old.Count} old processes with bounds {bounds}.");
            }

            if (room > 0)
            {
                var batch = await StartAndWaitAsync(request, fresh, room, log);
                fresh.AddRange(batch);
                await JoinAsync(batch, log);
            }

            var replaced = Math.Max(0, Math.Min(old.Count, old.Count + fresh.Count - count));
            var serving = old.Count - replaced;
            RollingLog.Step(logger, app, name, fresh.Count, count, replaced);
            await log.WriteAsync(
                $"{name}: {fresh.Count} of {count} new processes in rotation"
                + (replaced > 0 ? $"; {replaced} old {(replaced == 1 ? "one" : "ones")} draining" : "")
                + (serving > 0 ? $"; {serving} old still serving" : ""));
            if (replaced > 0)
            {
                await RetireAsync(request, old, replaced, log);
            }
        }
    }

    /// <summary>Once the release is current, its processes are in its own route: the registry lets go of them.</summary>
    public void Complete(IEnumerable<RuntimeProcess> started)
    {
        ArgumentNullException.ThrowIfNull(started);
        joining.RemoveRange(started.Select(p => p.Id));
    }

    /// <summary>
    /// After a failed rollout, before its new processes are removed: first starts the current release's processes
    /// again in place of those it stopped and puts them in rotation (<see cref="RollingRestore"/>), only then takes
    /// the new ones that were in rotation out again and lets them finish their requests. So a service never goes
    /// without a ready process while the rollout is undone, even when it was rolled fully before a later one failed.
    /// </summary>
    public async Task AbortAsync(RolloutPlan plan, IReadOnlyList<RuntimeProcess> started, IReadOnlyList<RuntimeProcess> retired, LiveLog log)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(started);
        ArgumentNullException.ThrowIfNull(retired);
        ArgumentNullException.ThrowIfNull(log);
        await restore.RestoreAsync(plan.Release.App, retired, log);
        var joined = started.Where(p => joining.Contains(p.Id)).ToList();
        joining.RemoveRange(started.Select(p => p.Id));
        if (joined.Count > 0)
        {
            await log.WriteAsync($"Taking {LogWords.Processes(joined.Count, "new")} of release {plan.Release.Version} out of rotation again");
            await SyncAsync(log);
            await Task.WhenAll(joined.Select(p => drainer.DrainAsync(p, plan.GraceOf(p.Service))));
        }
    }

    /// <summary>Starts <paramref name="how"/> many new processes (numbered after <paramref name="fresh"/>) and waits until all are ready.</summary>
    private static async Task<List<RuntimeProcess>> StartAndWaitAsync(RollingRequest request, List<RuntimeProcess> fresh, int how, LiveLog log)
    {
        var batch = new List<RuntimeProcess>();
        for (var i = 0; i < how; i++)
        {
            var number = fresh.Count + batch.Count + 1;
            await log.WriteAsync($"Starting {request.Service.Name} ({number} of {request.Bounds.Count}) from {request.Image} ...");
            var process = await request.Start(number);
            request.Started.Add(process);
            batch.Add(process);
        }

        await request.Wait(batch);
        return batch;
    }

    private async Task JoinAsync(List<RuntimeProcess> batch, LiveLog log)
    {
        ready.AddRange(batch.Select(p => p.Id));
        joining.AddRange(batch.Select(p => p.Id));
        await SyncAsync(log);
    }

    /// <summary>Takes <paramref name="take"/> old processes out of rotation, drains them within their grace and stops them.</summary>
    private async Task RetireAsync(RollingRequest request, List<RuntimeProcess> old, int take, LiveLog log)
    {
        var going = old.Take(take).ToList();
        old.RemoveRange(0, going.Count);
        await stopper.RetireAsync(going, request.Service.Termination.Grace, log);
        request.Retired.AddRange(going);
    }

    private async Task SyncAsync(LiveLog log)
    {
        try
        {
            await router.SyncAsync(force: true, CancellationToken.None);
        }
        catch (RouterSyncException e)
        {
            await log.WriteAsync($"{e.Message}; the rollout goes on and the router gets the table once it answers");
        }
    }
}
