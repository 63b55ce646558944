using Microsoft.Extensions.Logging;
using Wharf.Core.Routing;
using Wharf.Router.Metrics;

namespace Wharf.Router.Routing;

/// <summary>
/// The routes being served now and every backend the router knows, including those that left the table but still
/// have requests in flight. <see cref="Apply"/> builds a new <see cref="RoutingSnapshot"/> and swaps it in with one
/// reference write, so a request sees the old table or the new one, never a mix.
/// </summary>
internal sealed class RoutingState(RouterOptions options, TimeProvider time, ILogger<RoutingState> logger, RequestMetrics? metrics = null) : IRouteResolver
{
    private readonly RequestMetrics _metrics = metrics ?? new RequestMetrics();

    /// <summary>
    /// How long a drain of a backend that just left the table waits before trusting a zero in-flight count: a request
    /// that picked it from the previous table an instant before the swap may not have entered yet.
    /// </summary>
    public static readonly TimeSpan DrainSettle = TimeSpan.FromMilliseconds(100);

    /// <summary>How long an idle backend that left the table is remembered (a drain of it still finds it).</summary>
    private static readonly TimeSpan _forgetRetiredAfter = TimeSpan.FromMinutes(1);

    private readonly Lock _gate = new();
    private readonly Dictionary<BackendKey, LiveBackend> _known = [];
    private volatile RoutingSnapshot _current = RoutingSnapshot.Empty;

    /// <summary>Raised after every swap (the health checker starts and stops its checks then).</summary>
    public event Action? Applied;

    public RoutingSnapshot Current => _current;

    /// <summary>The request counters of every (app, service, release) served since the router started.</summary>
    public RequestMetrics Metrics => _metrics;

    public ILiveRoute? Resolve(string host) => _current.Resolve(host);

    /// <summary>
    /// Serves <paramref name="table"/> from now on. A backend new to the router is in rotation at once when it is
    /// <see cref="RouteBackend.Ready"/> (or <paramref name="restored"/>: it was serving before the router restarted),
    /// else after its first passing check; a backend it knows keeps its state. A backend listed by two routes (which
    /// the API does not do) is one backend, checked with the first route's health settings.
    /// </summary>
    public void Apply(RouteTable table, bool restored = false)
    {
        ArgumentNullException.ThrowIfNull(table);
        RoutingSnapshot snapshot;
        int added = 0, left = 0;
        lock (_gate)
        {
            var inTable = new HashSet<BackendKey>();
            var routes = new List<LiveRoute>(table.Routes.Count);
            foreach (var route in table.Routes)
            {
                var backends = new List<LiveBackend>(route.Backends.Count);
                foreach (var backend in route.Backends)
                {
                    var key = new BackendKey(backend.ProcessId, backend.Address);
                    var firstClaim = inTable.Add(key);
                    var cell = _metrics.Cell(route.App, route.Service, backend.Release);
                    if (!_known.TryGetValue(key, out var live))
                    {
                        live = new LiveBackend(key, route, backend.Release, cell, restored || backend.Ready, time, options.EjectionCoolOff, logger);
                        _known.Add(key, live);
                        added++;
                    }
                    else if (firstClaim)
                    {
                        live.Rejoin(route, backend.Release, cell);
                    }

                    if (!backends.Contains(live))
                    {
                        backends.Add(live);
                    }
                }

                routes.Add(new LiveRoute(route, [.. backends], _metrics.Cell(route.App, route.Service, route.Release)));
            }

            foreach (var (key, live) in _known.ToArray())
            {
                if (inTable.Contains(key))
                {
                    continue;
                }

                if (live.Retire())
                {
                    left++;
                }
                else if (live.InFlight == 0 && live.RetiredFor() >= _forgetRetiredAfter)
                {
                    _known.Remove(key);
                }
            }

            _metrics.Sweep(time.GetUtcNow());
            snapshot = new RoutingSnapshot(routes);
            _current = snapshot;
        }

        foreach (var conflict in snapshot.Conflicts)
        {
            RoutingLog.HostClaimedTwice(logger, conflict.Host, conflict.Winner.Service, conflict.Winner.App, conflict.Loser.Service, conflict.Loser.App);
        }

        RoutingLog.TableApplied(logger, snapshot.Routes.Count, snapshot.Backends.Count, added, left);
        Applied?.Invoke();
    }

    /// <summary>Every backend in the table, and those that left it with requests still in flight.</summary>
    public IReadOnlyList<BackendStatus> Statuses()
    {
        LiveBackend[] known;
        lock (_gate)
        {
            known = [.. _known.Values];
        }

        return [.. known
            .Where(b => b.InTable || b.InFlight > 0)
            .Select(b => b.ToStatus())
            .OrderBy(s => s.App, StringComparer.Ordinal)
            .ThenBy(s => s.Service, StringComparer.Ordinal)
            .ThenBy(s => s.Address, StringComparer.Ordinal)
            .ThenBy(s => s.ProcessId, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Waits until no request is in flight to any backend at <paramref name="addresses"/> or <paramref name="timeout"/>
    /// passes. An address the router does not know has nothing in flight: it counts as drained.
    /// </summary>
    public async Task<DrainResult> DrainAsync(IReadOnlyCollection<string> addresses, TimeSpan timeout, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        LiveBackend[] targets;
        lock (_gate)
        {
            targets = [.. _known.Values.Where(b => addresses.Contains(b.Address, StringComparer.OrdinalIgnoreCase))];
        }

        if (targets.Length == 0)
        {
            return new DrainResult(true, 0);
        }

        using var deadline = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, deadline.Token);
        try
        {
            // A backend still in the table can get new requests while another is waited for: done when all are idle at once.
            while (true)
            {
                foreach (var target in targets)
                {
                    await target.WhenDrainedAsync(DrainSettle, linked.Token);
                }

                if (targets.All(t => t.InFlight == 0))
                {
                    RoutingLog.Drained(logger, string.Join(", ", addresses));
                    return new DrainResult(true, 0);
                }
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            var inFlight = targets.Sum(t => t.InFlight);
            if (inFlight > 0)
            {
                RoutingLog.DrainTimedOut(logger, string.Join(", ", addresses), timeout.TotalSeconds, inFlight);
            }

            return new DrainResult(inFlight == 0, inFlight);
        }
    }
}
