namespace Wharf.Core.Metrics;

/// <summary>One service's requests over a window: what changed in its counters (every release together) between two snapshots.</summary>
public sealed record ServiceRequests(string Service, long Requests, long Errors, IReadOnlyList<long> DurationBuckets)
{
    /// <summary>
    /// Per service of <paramref name="app"/>: <paramref name="end"/> minus <paramref name="start"/>. A counter lower at the
    /// end than at the start means the router restarted in between: the end's figure is then the whole change.
    /// </summary>
    public static IReadOnlyList<ServiceRequests> Between(string app, RequestSnapshot start, RequestSnapshot end)
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(end);
        var before = start.Counters.Where(c => c.App == app).ToDictionary(c => (c.Service, c.Release));
        return [.. end.Counters
            .Where(c => c.App == app)
            .GroupBy(c => c.Service, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                long requests = 0, errors = 0;
                var buckets = new long[RequestDurations.Bounds.Count + 1];
                foreach (var now in g)
                {
                    before.TryGetValue((now.Service, now.Release), out var then);
                    var reset = then is not null && now.Requests < then.Requests;
                    var baseline = reset ? null : then;
                    requests += now.Requests - (baseline?.Requests ?? 0);
                    errors += now.StatusClasses[4] - (baseline?.StatusClasses[4] ?? 0);
                    for (var i = 0; i < buckets.Length && i < now.DurationBuckets.Count; i++)
                    {
                        buckets[i] += now.DurationBuckets[i] - (baseline?.DurationBuckets[i] ?? 0);
                    }
                }

                return new ServiceRequests(g.Key, requests, errors, buckets);
            })];
    }
}
