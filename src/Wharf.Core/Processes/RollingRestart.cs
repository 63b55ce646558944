using Wharf.Core.Api;
using Wharf.Core.Apps;
using Wharf.Core.Audit;
using Wharf.Core.Auth;
using Wharf.Core.Errors;
using Wharf.Core.Routing;
using Wharf.Core.Runtime;

namespace Wharf.Core.Processes;

/// <summary>
/// `wharf restart`: replaces a service's processes one at a time: start a replacement, wait until it runs,
/// accepts connections on its port and passes its health check; then one route table swap puts it in rotation and
/// takes the old one out, which is drained and stopped. Holds the app's lock meanwhile, so the reconciler does not
/// take the replacement for an extra; a replacement that fails ends the restart, the old process kept.
/// </summary>
public sealed class RollingRestart(
    IProcessRuntime runtime,
    ReleaseSnapshotLoader releases,
    RestartReadiness readiness,
    ReadyProcesses ready,
    RouterSync router,
    ProcessDrainer drainer,
    AppLocks locks,
    BackgroundWork work,
    IProcessEvents events,
    ReconcilerSignal reconciler,
    AuditLog audit,
    ProcessOptions options)
{
    /// <summary>Checks the request, then restarts in the background; answers what will be restarted.</summary>
    public async Task<RestartInfo> StartAsync(Actor actor, string app, string? service, CancellationToken ct = default)
    {
        var snapshot = await releases.RequireCurrentAsync(app, ct);
        var services = Services(snapshot, service);
        var processes = await ProcessesAsync(snapshot, services, ct);
        await audit.RecordAsync(actor, ProcessAuditActions.ProcessesRestart, app, string.Join(", ", services), ct);
        work.Run(app, "restart", token => RestartAsync(app, snapshot.Release.Version, services, token));
        return new RestartInfo(app, services, processes.Count);
    }

    /// <summary>The rolling restart itself; returns false when a replacement failed and the restart stopped there.</summary>
    public async Task<bool> RestartAsync(string app, int release, IReadOnlyList<string> services, CancellationToken ct)
    {
        using var held = await locks.AcquireAsync(app, ct);
        try
        {
            var snapshot = await releases.CurrentAsync(app, ct);
            if (snapshot is null || snapshot.Release.Version != release)
            {
                // A rollout came first and replaced every process already.
                return true;
            }

            foreach (var old in await ProcessesAsync(snapshot, services, ct))
            {
                if (!await ReplaceAsync(snapshot, old, ct))
                {
                    return false;
                }
            }

            return true;
        }
        finally
        {
            reconciler.Poke();
        }
    }

    private async Task<bool> ReplaceAsync(ReleaseSnapshot snapshot, RuntimeProcess old, CancellationToken ct)
    {
        var definition = snapshot.Manifest.Services[old.Service];
        var replacement = await runtime.StartAsync(snapshot.Spec(old.Service), ct);
        events.Started(replacement, $"restart replaces {old.Id}");
        var problem = await readiness.WaitAsync(replacement, definition, definition.Health.Grace + options.ReadyTimeout, ct);
        if (problem is not null)
        {
            await runtime.StopAsync(replacement.Id, TimeSpan.Zero, CancellationToken.None);
            events.Failed(snapshot.App, $"restart {old.Service}", new InvalidOperationException($"Restart stopped, {old.Id} kept: {problem}"));
            return false;
        }

        ready.Add(replacement.Id);
        try
        {
            await router.ExcludeAsync([old.Id], ct);
        }
        catch (RouterSyncException)
        {
            // RouterSync reports it; the old process goes all the same, and the router learns of it once it answers.
        }

        var grace = definition.Termination.Grace;
        if (await drainer.DrainAsync(old, grace, ct) is { } drainProblem)
        {
            events.Failed(snapshot.App, $"drain {old.Id}", new InvalidOperationException($"{old.Service} {old.Id}: {drainProblem}; stopping it anyway"));
        }

        await runtime.StopAsync(old.Id, grace, ct);
        events.Stopped(snapshot.App, old.Id, old.Service, $"restarted as {replacement.Id}");
        return true;
    }

    private async Task<List<RuntimeProcess>> ProcessesAsync(ReleaseSnapshot snapshot, IReadOnlyList<string> services, CancellationToken ct) =>
        [
            .. (await runtime.ListAsync(snapshot.App, ct))
                .Where(p => p is { Kind: ProcessKind.Service, State: not ProcessState.Exited } && p.Release == snapshot.Release.Version && services.Contains(p.Service))
                .OrderBy(p => services.ToList().IndexOf(p.Service))
                .ThenBy(p => p.CreatedAt),
        ];

    private static IReadOnlyList<string> Services(ReleaseSnapshot snapshot, string? service)
    {
        if (string.IsNullOrWhiteSpace(service))
        {
            return [.. snapshot.Manifest.Services.Keys];
        }

        return snapshot.Manifest.Services.ContainsKey(service)
            ? [service]
            : throw WharfValidationException.For(
                "service", $"App '{snapshot.App}' has no service '{service}': its services are {string.Join(", ", snapshot.Manifest.Services.Keys)}.");
    }
}
