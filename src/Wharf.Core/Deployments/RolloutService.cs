using Microsoft.Extensions.Logging;
using Wharf.Core.Errors;
using Wharf.Core.Processes;
using Wharf.Core.Releases;
using Wharf.Core.Resources;
using Wharf.Core.Routing;
using Wharf.Core.Runtime;
using Wharf.Core.State;
using Wharf.Manifest;

namespace Wharf.Core.Deployments;

/// <summary>
/// Rolls a release out: per service, in manifest order, starts its processes and waits until each is ready
/// (listening and passing its health check); then makes the release current and hands the router the new table,
/// which puts every new process in rotation and takes every old one out in the same instant; then drains and stops
/// the app's other service processes (behind the rollout, each within its grace). On any failure (or cancellation)
/// it removes what it started and leaves the rest as it was: the new processes never reach the router, since their
/// release never became current. The caller holds the app's lock, so the reconciler stays away meanwhile.
/// One-off and timer processes are never touched. A service whose <c>deployment</c> bounds forbid starting all its
/// new processes at once is rolled in steps by <see cref="RollingRollout"/> instead (its new processes join the
/// rotation next to the old ones, which it stops as it goes).
/// </summary>
public sealed class RolloutService(
    IStateStore state,
    RolloutPlanner planner,
    IProcessRuntime runtime,
    ProcessReadiness readiness,
    OldProcessStopper stopper,
    RollingRollout rolling,
    ReadyProcesses ready,
    RouterSync router,
    ILogger<RolloutService> logger,
    ResourceProvisioner? resources = null)
{
    public async Task RolloutAsync(Release release, LiveLog log, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(release);
        ArgumentNullException.ThrowIfNull(log);
        var plan = await planner.PlanAsync(release, ct);
        var desired = FormationPlanner.Desired(plan.Manifest, await state.Formation.GetAsync(release.App, ct));
        await log.WriteAsync($"Rolling out release {release.Version} ({plan.Manifest.Describe()})");

        // Resources first: a service must find its database when it starts. A failure here has started nothing.
        var links = resources is null ? ResourceLink.None : await resources.EnsureAsync(release.App, plan.Manifest, plan.Env, log, ct);
        var started = new List<RuntimeProcess>();
        var retired = new List<RuntimeProcess>();
        var swapped = false;
        try
        {
            foreach (var service in plan.Manifest.Services.Values)
            {
                swapped |= await StartServiceAsync(plan, links, service, desired[service.Name], started, retired, log, ct);
            }
        }
        catch (Exception e)
        {
            DeploymentLog.RolloutAborted(logger, release.App, release.Version, e is OperationCanceledException);
            await rolling.AbortAsync(plan, started, retired, log);
            await stopper.RemoveNewAsync(started, log);
            throw;
        }

        // Past this point the rollout has succeeded: cancelling no longer undoes it.
        ready.AddRange(started.Select(p => p.Id));
        var previous = (await state.Apps.GetAsync(release.App, CancellationToken.None))?.CurrentRelease;
        await state.Apps.SetCurrentReleaseAsync(release.App, release.Version, CancellationToken.None);
        rolling.Complete(started);
        await log.WriteAsync($"Release {release.Version} is now current");
        DeploymentLog.ReleaseCurrent(logger, release.App, release.Version);
        await SwapAsync(release, replacing: previous is not null && swapped, log);
        await stopper.StopOthersAsync(plan, started.Select(p => p.Id).ToHashSet(StringComparer.Ordinal), log);
    }

    /// <summary>
    /// One table swap: the new release's processes in rotation, the old ones out, at the same instant.
    /// <paramref name="replacing"/>: old processes leave with it (not all were already stopped by rolling or singleton steps).
    /// </summary>
    private async Task SwapAsync(Release release, bool replacing, LiveLog log)
    {
        try
        {
            var table = await router.SyncAsync(CancellationToken.None);
            var routes = table.Routes.Where(r => r.App == release.App).ToList();
            if (routes.Count > 0)
            {
                var count = routes.Sum(r => r.Backends.Count(b => b.Release == release.Version));
                await log.WriteAsync(
                    $"Router: release {release.Version} in rotation ({LogWords.Processes(count)})"
                    + (replacing ? "; the old ones are draining" : ""));
            }
        }
        catch (RouterSyncException e)
        {
            await log.WriteAsync($"{e.Message}; release {release.Version} is current all the same and reaches the router once it answers");
        }
    }

    /// <summary>Starts the service's processes; true when its old ones leave at the table swap (all at once, not rolled or stopped first).</summary>
    private async Task<bool> StartServiceAsync(
        RolloutPlan plan, IReadOnlyDictionary<string, ResourceLink> links, ServiceManifest service, int count, List<RuntimeProcess> started, List<RuntimeProcess> retired, LiveLog log, CancellationToken ct)
    {
        if (count <= 0)
        {
            await log.WriteAsync($"{service.Name}: no processes (scaled to 0)");
            return true;
        }

        ProcessSpec spec;
        try
        {
            spec = ProcessSpecFactory.Create(plan.Release, service.Name, plan.Env, plan.Manifest, plan.Images, resources: links);
        }
        catch (WharfValidationException e)
        {
            throw new DeploymentFailedException(e.Message, e);
        }

        if (service.Singleton)
        {
            // Two of a singleton must never run at once, so the old one goes first (the reconciler restarts it on failure).
            await stopper.StopServiceAsync(plan, service, log);
        }
        else if (RollingBounds.For(service.Deployment, count) is { AllAtOnce: false } bounds)
        {
            await rolling.RollAsync(
                new RollingRequest(plan, service, spec.Image, bounds, i => StartAsync(spec, service, i, count, ct), ps => WaitAllAsync(ps, service, log, ct), started, retired),
                log,
                ct);
            return false;
        }

        var mine = new List<RuntimeProcess>();
        for (var i = 1; i <= count; i++)
        {
            await log.WriteAsync($"Starting {service.Name} ({i} of {count}) from {spec.Image} ...");
            var process = await StartAsync(spec, service, i, count, ct);
            started.Add(process);
            mine.Add(process);
        }

        await WaitAllAsync(mine, service, log, ct);
        return !service.Singleton;
    }

    /// <summary>Waits for every process; the first failure stops the other waits and is the one reported.</summary>
    private async Task WaitAllAsync(List<RuntimeProcess> processes, ServiceManifest service, LiveLog log, CancellationToken ct)
    {
        using var siblings = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var waits = processes.Select(async p =>
        {
            try
            {
                await readiness.WaitAsync(p, service, log, siblings.Token);
            }
            catch
            {
                await siblings.CancelAsync();
                throw;
            }
        }).ToList();
        try
        {
            await Task.WhenAll(waits);
        }
        catch when (waits.Select(w => w.Exception?.InnerException).OfType<DeploymentFailedException>().FirstOrDefault() is { } failure)
        {
            throw failure;
        }
    }

    private async Task<RuntimeProcess> StartAsync(ProcessSpec spec, ServiceManifest service, int index, int count, CancellationToken ct)
    {
        try
        {
            return await runtime.StartAsync(spec, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new DeploymentFailedException($"Starting {service.Name} ({index} of {count}) from {spec.Image} failed: {e.Message}", e);
        }
    }
}
