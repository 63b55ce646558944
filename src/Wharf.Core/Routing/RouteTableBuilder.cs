using System.Collections.Concurrent;
using Wharf.Core.Errors;
using Wharf.Core.Processes;
using Wharf.Core.Runtime;
using Wharf.Core.State;
using Wharf.Manifest;

namespace Wharf.Core.Routing;

/// <summary>
/// Builds the whole route table from state and the runtime: per app with a current release, one route per
/// service with a port that is not <c>internal</c>; its backends are the running processes of that release and
/// service, less those being drained, plus those of a rolling rollout's release that joined it
/// (<see cref="JoiningProcesses"/>). Sorted throughout, so equal states give equal tables.
/// </summary>
public sealed class RouteTableBuilder(
    IStateStore state,
    ReleaseSnapshotLoader releases,
    IProcessRuntime runtime,
    ReadyProcesses ready,
    DrainingProcesses draining,
    JoiningProcesses joining,
    RoutingOptions options)
{
    // A release never changes, so neither do its routes: reading one (and decrypting its config) once is enough.
    private readonly ConcurrentDictionary<(string App, int Release), IReadOnlyList<Route>> _releaseRoutes = new();

    public async Task<RouteTable> BuildAsync(CancellationToken ct = default)
    {
        // Taken before the listing: an id marked while it is read is not pruned for being absent from it.
        var readyMark = ready.Mark;
        var drainingMark = draining.Mark;
        var joiningMark = joining.Mark;
        var apps = await state.Apps.ListAsync(ct);
        var processes = await runtime.ListAsync(null, ct);
        var running = processes.Where(p => p.State == ProcessState.Running).Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        ready.Prune(running, readyMark);
        draining.Prune(running, drainingMark);
        joining.Prune(running, joiningMark);

        var candidates = processes
            .Where(p => p is { Kind: ProcessKind.Service, State: ProcessState.Running, Address: not null })
            .ToLookup(p => (p.App, p.Service, p.Release));
        var joiners = processes
            .Where(p => p is { Kind: ProcessKind.Service, State: ProcessState.Running, Address: not null } && joining.Contains(p.Id))
            .ToLookup(p => (p.App, p.Service));
        var routes = new List<Route>();
        var current = new HashSet<(string, int)>();
        foreach (var app in apps)
        {
            if (app.CurrentRelease is not int version)
            {
                continue;
            }

            current.Add((app.Name, version));
            foreach (var route in await RoutesOfAsync(app.Name, version, ct))
            {
                routes.Add(route with
                {
                    Backends =
                    [
                        .. candidates[(app.Name, route.Service, version)]
                            .Concat(joiners[(app.Name, route.Service)].Where(p => p.Release != version))
                            .Where(p => !draining.Contains(p.Id))
                            .OrderBy(p => p.Id, StringComparer.Ordinal)
                            .Select(p => new RouteBackend(p.Id, p.Address!, p.Release, ready.Contains(p.Id))),
                    ],
                });
            }
        }

        foreach (var gone in _releaseRoutes.Keys.Where(k => !current.Contains(k)))
        {
            _releaseRoutes.TryRemove(gone, out _);
        }

        return new RouteTable
        {
            Routes = [.. routes.OrderBy(r => r.App, StringComparer.Ordinal).ThenBy(r => r.Service, StringComparer.Ordinal)],
        };
    }

    /// <summary>The routes of a release without backends; none when its wharf.yml no longer parses (the reconciler reports that).</summary>
    private async Task<IReadOnlyList<Route>> RoutesOfAsync(string app, int version, CancellationToken ct)
    {
        if (_releaseRoutes.TryGetValue((app, version), out var known))
        {
            return known;
        }

        ReleaseSnapshot? snapshot;
        try
        {
            snapshot = await releases.LoadAsync(app, version, ct);
        }
        catch (NotFoundException)
        {
            // Deleted while the table was built: it has no routes, and nothing is remembered for it.
            return [];
        }
        catch (ConflictException)
        {
            snapshot = null;
        }

        IReadOnlyList<Route> routes = snapshot is null
            ? []
            : [.. snapshot.Manifest.Services.Values.Where(s => s is { Port: not null, Internal: false }).Select(s => RouteOf(app, version, s))];
        _releaseRoutes[(app, version)] = routes;
        return routes;
    }

    private Route RouteOf(string app, int version, ServiceManifest service) => new()
    {
        App = app,
        Service = service.Name,
        Release = version,
        Hosts =
        [
            options.DefaultHost(app, service.Name),
            .. service.Domains
                .Select(d => d.ToLowerInvariant())
                .Where(d => d != options.DefaultHost(app, service.Name))
                .Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal),
        ],
        Timeout = service.Timeout,
        Health = new RouteHealth { Path = service.Health.Path, Interval = service.Health.Interval, Timeout = service.Health.Timeout },
    };
}
