using System.Globalization;
using Microsoft.Extensions.Logging;
using Wharf.Core.Errors;
using Wharf.Core.Processes;
using Wharf.Core.Routing;
using Wharf.Core.Runtime;

namespace Wharf.Core.Deployments;

/// <summary>
/// After a rolling rollout failed, before its new processes leave the rotation: per service, starts again as many
/// processes of the current release as the rollout stopped (with the spec the reconciler would give them), waits
/// until they are ready and puts them in rotation, so a service rolled fully or in part never goes without its
/// capacity while the new ones are removed. What does not come back is said in the deploy's log and left to the
/// reconciler; every wait has a deadline, and the new processes are removed all the same.
/// </summary>
public sealed class RollingRestore(
    ReleaseSnapshotLoader releases,
    IProcessRuntime runtime,
    ProcessReadiness readiness,
    ReadyProcesses ready,
    RouterSync router,
    DeploymentOptions options,
    ILogger<RollingRestore> logger)
{
    /// <summary>Starts the current release's processes again in place of <paramref name="retired"/>; returns once they serve or could not.</summary>
    public async Task RestoreAsync(string app, IReadOnlyList<RuntimeProcess> retired, LiveLog log)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(retired);
        ArgumentNullException.ThrowIfNull(log);
        if (retired.Count == 0)
        {
            return;
        }

        var services = retired.GroupBy(p => p.Service).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (Name: g.Key, Count: g.Count())).ToList();
        ReleaseSnapshot current;
        try
        {
            // What the reconciler starts the current release's processes from: the same specs.
            using var deadline = new CancellationTokenSource(options.StopTimeout);
            current = await releases.CurrentAsync(app, deadline.Token)
                ?? throw new DeploymentFailedException($"app '{app}' has no current release with services");
        }
        catch (Exception e)
        {
            RollingLog.NotPlanned(logger, app, e);
            await log.WriteAsync(
                $"The processes stopped during the rollout could not be started again ({Reason(e, $"no answer within {LogWords.Seconds(options.StopTimeout)} s")}): the new ones are removed all the same, "
                + "and the reconciler starts the current release's processes again up to the formation's count");
            return;
        }

        var restored = await Task.WhenAll(services.Select(s => RestoreServiceAsync(current, s.Name, s.Count, log)));
        var back = restored.SelectMany(r => r.Ready).ToList();
        if (back.Count == 0)
        {
            return;
        }

        ready.AddRange(back.Select(p => p.Id));
        try
        {
            await router.SyncAsync(force: true, CancellationToken.None);
        }
        catch (RouterSyncException e)
        {
            await log.WriteAsync($"{e.Message}; the router gets the old processes once it answers");
        }

        foreach (var (service, processes, wanted) in restored.Where(r => r.Ready.Count > 0))
        {
            var release = current.Release.Version.ToString(CultureInfo.InvariantCulture);
            await log.WriteAsync(processes.Count == wanted
                ? $"{service}: {LogWords.Processes(wanted)} of release {release} in rotation again"
                : $"{service}: {processes.Count} of {LogWords.Processes(wanted)} of release {release} in rotation again");
        }
    }

    /// <summary>Starts <paramref name="count"/> processes of the service and waits for each (in parallel, within one deadline).</summary>
    private async Task<(string Service, List<RuntimeProcess> Ready, int Wanted)> RestoreServiceAsync(
        ReleaseSnapshot current, string service, int count, LiveLog log)
    {
        var release = current.Release.Version;
        var limit = options.RolloutTimeout + options.StopTimeout;
        RollingLog.Restoring(logger, current.App, service, count, release);
        await log.WriteAsync($"{service}: starting {LogWords.Processes(count)} of release {release} again before the new ones are removed");
        ProcessSpec spec;
        try
        {
            spec = current.Spec(service);
        }
        catch (WharfValidationException e)
        {
            return await NotBackAsync(current, service, count, [], [e.Message], log);
        }

        var definition = current.Manifest.Services[service];
        limit += definition.Health.Grace;
        using var deadline = new CancellationTokenSource(limit);
        var started = new List<RuntimeProcess>();
        var failures = new List<string>();
        try
        {
            for (var i = 0; i < count; i++)
            {
                started.Add(await runtime.StartAsync(spec, deadline.Token));
            }
        }
        catch (Exception e)
        {
            failures.Add(Reason(e, $"not started within {LogWords.Seconds(limit)} s"));
        }

        var waits = started.Select(async p =>
        {
            try
            {
                return await readiness.WaitAsync(p, definition, log, deadline.Token);
            }
            catch (Exception e)
            {
                lock (failures)
                {
                    failures.Add(Reason(e, $"{service} ({p.Id}) not ready within {LogWords.Seconds(limit)} s"));
                }

                return null;
            }
        });
        var back = (await Task.WhenAll(waits)).OfType<RuntimeProcess>().ToList();
        return failures.Count == 0 ? (service, back, count) : await NotBackAsync(current, service, count, back, failures, log);
    }

    private async Task<(string Service, List<RuntimeProcess> Ready, int Wanted)> NotBackAsync(
        ReleaseSnapshot current, string service, int count, List<RuntimeProcess> back, List<string> failures, LiveLog log)
    {
        var release = current.Release.Version;
        RollingLog.NotRestored(logger, current.App, service, release);
        await log.WriteAsync($"{service}: release {release} did not come back: {failures[0]}");
        await log.WriteAsync(
            $"{service}: the new processes are removed all the same; the reconciler starts the processes of release {release} again up to the formation's count");
        return (service, back, count);
    }

    /// <summary>The exception's sentence without its last full stop, or <paramref name="late"/> when a deadline passed.</summary>
    private static string Reason(Exception e, string late) => e is OperationCanceledException ? late : e.Message.TrimEnd('.');
}
