namespace Wharf.Router.Routing;

/// <summary>
/// One table as served: never changed once built, replaced as a whole. Host lookups use span-keyed alternate
/// lookups on ordinal-ignore-case dictionaries, so resolving a request's host allocates nothing.
/// </summary>
internal sealed class RoutingSnapshot
{
    private readonly Dictionary<string, LiveRoute>.AlternateLookup<ReadOnlySpan<char>> _exact;
    private readonly Dictionary<string, LiveRoute>.AlternateLookup<ReadOnlySpan<char>> _wildcards;

    public RoutingSnapshot(IReadOnlyList<LiveRoute> routes)
    {
        Routes = routes;
        var exact = new Dictionary<string, LiveRoute>(StringComparer.OrdinalIgnoreCase);
        var wildcards = new Dictionary<string, LiveRoute>(StringComparer.OrdinalIgnoreCase);
        var conflicts = new List<HostConflict>();
        var backends = new List<LiveBackend>();
        var seen = new HashSet<LiveBackend>();
        foreach (var route in routes)
        {
            foreach (var host in route.Definition.Hosts)
            {
                var name = host.TrimEnd('.');
                var (map, key) = name.StartsWith("*.", StringComparison.Ordinal) ? (wildcards, name[2..]) : (exact, name);
                if (!map.TryAdd(key, route))
                {
                    conflicts.Add(new HostConflict(host, map[key].Definition, route.Definition));
                }
            }

            foreach (var backend in route.Backends)
            {
                if (seen.Add(backend))
                {
                    backends.Add(backend);
                }
            }
        }

        _exact = exact.GetAlternateLookup<ReadOnlySpan<char>>();
        _wildcards = wildcards.GetAlternateLookup<ReadOnlySpan<char>>();
        Conflicts = conflicts;
        Backends = backends;
    }

    public static RoutingSnapshot Empty { get; } = new([]);

    public IReadOnlyList<LiveRoute> Routes { get; }

    /// <summary>Every backend of the table, once each.</summary>
    public IReadOnlyList<LiveBackend> Backends { get; }

    /// <summary>Host names more than one route claimed; the first route in the table serves them.</summary>
    public IReadOnlyList<HostConflict> Conflicts { get; }

    /// <summary>The route for a host name (no port; any case; a trailing dot is ignored): an exact name wins over a wildcard.</summary>
    public LiveRoute? Resolve(ReadOnlySpan<char> host)
    {
        if (host.EndsWith('.'))
        {
            host = host[..^1];
        }

        if (host.IsEmpty)
        {
            return null;
        }

        if (_exact.TryGetValue(host, out var route))
        {
            return route;
        }

        // "*.example.com" covers one label: "a.example.com", not "a.b.example.com" nor "example.com".
        var dot = host.IndexOf('.');
        return dot > 0 && _wildcards.TryGetValue(host[(dot + 1)..], out route) ? route : null;
    }
}
