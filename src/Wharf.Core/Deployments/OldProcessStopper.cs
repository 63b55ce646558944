using System.Globalization;
using Microsoft.Extensions.Logging;
using Wharf.Core.Processes;
using Wharf.Core.Routing;
using Wharf.Core.Runtime;
using Wharf.Manifest;

namespace Wharf.Core.Deployments;

/// <summary>
/// Stops processes for a rollout: the new ones when it fails, the app's other service processes once it has
/// succeeded (each drained first: the router, which already took it out of rotation, lets its in-flight requests
/// finish within its grace). Every stop has a deadline and runs even when the rollout was cancelled; one that fails
/// is logged and left to the reconciler, which stops service processes of releases that are not current.
/// </summary>
public sealed class OldProcessStopper(
    IProcessRuntime runtime, ProcessDrainer drainer, RouterSync router, BackgroundWork work, DeploymentOptions options, ILogger<OldProcessStopper> logger)
{
    /// <summary>Removes the processes a failed rollout started, at once (they never served).</summary>
    public async Task RemoveNewAsync(IReadOnlyList<RuntimeProcess> started, LiveLog log)
    {
        ArgumentNullException.ThrowIfNull(started);
        ArgumentNullException.ThrowIfNull(log);
        if (started.Count == 0)
        {
            return;
        }

        await log.WriteAsync($"Removing {LogWords.Processes(started.Count)} this rollout started");
        await Task.WhenAll(started.Select(p => StopAsync(p, TimeSpan.Zero, log)));
    }

    /// <summary>
    /// Drains and stops every service process of the app but <paramref name="keep"/>, grouped by release in the log.
    /// The stops run behind the rollout: the new release already serves, so the deployment ends at once while each
    /// old process gets its termination grace to finish its requests, then again to stop.
    /// </summary>
    public async Task StopOthersAsync(RolloutPlan plan, IReadOnlySet<string> keep, LiveLog log)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(keep);
        ArgumentNullException.ThrowIfNull(log);
        var others = (await ListServiceProcessesAsync(plan.Release.App, log)).Where(p => !keep.Contains(p.Id)).ToList();
        foreach (var release in others.GroupBy(p => p.Release).OrderBy(g => g.Key))
        {
            var grace = release.Max(p => plan.GraceOf(p.Service));
            await log.WriteAsync(
                $"Stopping {LogWords.Processes(release.Count())} of release {release.Key.ToString(CultureInfo.InvariantCulture)} "
                + $"(in the background: draining for up to {LogWords.Seconds(grace)} s, then stopping within {LogWords.Seconds(grace)} s)");
        }

        if (others.Count > 0)
        {
            work.Run(plan.Release.App, "stop the old release's processes", _ => Task.WhenAll(others.Select(p => DrainAndStopAsync(p, plan.GraceOf(p.Service), log))));
        }
    }

    /// <summary>
    /// Stops the service processes of one service (a singleton's old process, before its new one starts) and waits
    /// for it: out of rotation, drained within its grace, then stopped.
    /// </summary>
    public async Task StopServiceAsync(RolloutPlan plan, ServiceManifest service, LiveLog log)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(log);
        var running = (await ListServiceProcessesAsync(plan.Release.App, log)).Where(p => p.Service == service.Name).ToList();
        if (running.Count > 0)
        {
            var grace = LogWords.Seconds(service.Termination.Grace);
            await log.WriteAsync(
                $"Stopping {LogWords.Processes(running.Count)} of {service.Name} first: it is a singleton "
                + $"(out of rotation, draining for up to {grace} s, then stopping within {grace} s)");
            await RetireAsync(running, service.Termination.Grace, log);
        }
    }

    /// <summary>
    /// Takes processes that still serve out of rotation, then drains each within <paramref name="grace"/> and stops it.
    /// A router that does not take the table delays nothing: they are stopped all the same.
    /// </summary>
    public async Task RetireAsync(IReadOnlyList<RuntimeProcess> processes, TimeSpan grace, LiveLog log)
    {
        ArgumentNullException.ThrowIfNull(processes);
        ArgumentNullException.ThrowIfNull(log);
        try
        {
            await router.ExcludeAsync(processes.Select(p => p.Id), CancellationToken.None);
        }
        catch (RouterSyncException e)
        {
            await log.WriteAsync($"{e.Message}; the old processes are stopped all the same");
        }

        await Task.WhenAll(processes.Select(p => DrainAndStopAsync(p, grace, log)));
    }

    private async Task<IReadOnlyList<RuntimeProcess>> ListServiceProcessesAsync(string app, LiveLog log)
    {
        using var deadline = new CancellationTokenSource(options.StopTimeout);
        try
        {
            return [.. (await runtime.ListAsync(app, deadline.Token)).Where(p => p.Kind == ProcessKind.Service)];
        }
        catch (Exception e)
        {
            DeploymentLog.StopFailed(logger, app, "(list)", e);
            await log.WriteAsync($"Could not list the processes of app '{app}' to stop the old ones ({e.Message}); the reconciler stops them later");
            return [];
        }
    }

    /// <summary>Lets the process finish its requests within <paramref name="grace"/>, then stops it (SIGTERM, SIGKILL after the grace).</summary>
    public async Task DrainAndStopAsync(RuntimeProcess process, TimeSpan grace, LiveLog log)
    {
        ArgumentNullException.ThrowIfNull(process);
        ArgumentNullException.ThrowIfNull(log);
        if (await drainer.DrainAsync(process, grace) is { } problem)
        {
            DeploymentLog.NotDrained(logger, process.App, process.Id, problem);
            await log.WriteAsync($"{process.Service} {process.Id}: {problem}; stopping it anyway");
        }

        await StopAsync(process, grace, log);
    }

    private async Task StopAsync(RuntimeProcess process, TimeSpan grace, LiveLog log)
    {
        using var deadline = new CancellationTokenSource(grace + options.StopTimeout);
        try
        {
            await runtime.StopAsync(process.Id, grace, deadline.Token);
            await log.WriteAsync($"Stopped {process.Service} {process.Id} (release {process.Release.ToString(CultureInfo.InvariantCulture)})");
        }
        catch (Exception e)
        {
            DeploymentLog.StopFailed(logger, process.App, process.Id, e);
            await log.WriteAsync($"Could not stop {process.Service} {process.Id} ({e.Message}); the reconciler stops it later");
        }
    }
}
