using Wharf.Core.Routing;
using Wharf.Router.Metrics;

namespace Wharf.Router.Routing;

/// <summary>
/// A route of the table being served. Picks by the power of two choices: two random backends in rotation, the one
/// with fewer requests in flight (a random one of the two on a tie). That spreads load like least-connections without
/// a global scan for the minimum or any shared write, and a slow backend gets fewer new requests.
/// </summary>
/// <remarks>
/// When a route has backends but none is in rotation, <see cref="Pick"/> falls back to one that is out only for its
/// health check (waiting for its first one, or answering it badly) and still accepts connections: as load balancers
/// commonly "fail open", a try is better than a certain 503. Only when there is none of those either does it try one
/// ejected for a connection failure: one reset connection (a stale pooled one, a full accept queue) must not take the
/// only process of a service out for the whole cool-off, which is what a 503 for every request would mean.
/// </remarks>
internal sealed class LiveRoute(Route definition, LiveBackend[] backends, RequestMetricsCell metrics) : ILiveRoute
{
    private readonly LiveBackend[] _backends = backends;

    public Route Definition { get; } = definition;

    public RequestMetricsCell Metrics { get; } = metrics;

    public IReadOnlyList<LiveBackend> Backends => _backends;

    public ILiveBackend? Pick(IReadOnlyCollection<ILiveBackend> tried)
    {
        ArgumentNullException.ThrowIfNull(tried);
        return PickFrom(tried, Tier.InRotation) ?? PickFrom(tried, Tier.LastResort) ?? PickFrom(tried, Tier.AnyInTable);
    }

    private LiveBackend? PickFrom(IReadOnlyCollection<ILiveBackend> tried, Tier tier)
    {
        LiveBackend? first = null;
        LiveBackend? second = null;
        var candidates = 0;
        foreach (var backend in _backends)
        {
            var eligible = tier switch
            {
                Tier.InRotation => backend.IsPickable,
                Tier.LastResort => backend.IsLastResort,
                _ => backend.InTable,
            };
            if (!eligible || WasTried(tried, backend))
            {
                continue;
            }

            candidates++;
            if (candidates == 1)
            {
                first = backend;
            }
            else if (candidates == 2)
            {
                second = backend;
            }
            else
            {
                // Reservoir sampling: every candidate ends up in the pair with the same chance, in one pass.
                var slot = Random.Shared.Next(candidates);
                if (slot == 0)
                {
                    first = backend;
                }
                else if (slot == 1)
                {
                    second = backend;
                }
            }
        }

        if (second is null)
        {
            return first;
        }

        var (a, b) = (first!.InFlight, second.InFlight);
        return a < b ? first : b < a ? second : Random.Shared.Next(2) == 0 ? first : second;
    }

    private static bool WasTried(IReadOnlyCollection<ILiveBackend> tried, LiveBackend backend)
    {
        if (tried.Count == 0)
        {
            return false;
        }

        // Lists, arrays and sets answer Contains without an enumerator allocation.
        if (tried is ICollection<ILiveBackend> collection)
        {
            return collection.Contains(backend);
        }

        foreach (var candidate in tried)
        {
            if (ReferenceEquals(candidate, backend))
            {
                return true;
            }
        }

        return false;
    }

    private enum Tier
    {
        InRotation,
        LastResort,
        AnyInTable,
    }
}
