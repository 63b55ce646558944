using System.Diagnostics;
using Wharf.Core.Metrics;

namespace Wharf.Router.Metrics;

/// <summary>
/// The request counters of one release of one service. Recording is lock-free and allocation-free (Interlocked adds
/// on fixed arrays); a reader may see one request's figures half-added, which a scrape tolerates.
/// </summary>
public sealed class RequestMetricsCell(string app, string service, int release)
{
    private static readonly long[] _boundTicks = [.. RequestDurations.Bounds.Select(b => (long)(b * Stopwatch.Frequency))];

    private readonly long[] _statusClasses = new long[RequestDurations.StatusClassCount];
    private readonly long[] _buckets = new long[_boundTicks.Length + 1];
    private long _durationTicks;
    private long _requestBytes;
    private long _responseBytes;

    public string App { get; } = app;

    public string Service { get; } = service;

    public int Release { get; } = release;

    /// <param name="elapsedTicks">The request's duration in <see cref="Stopwatch"/> ticks.</param>
    public void Record(int status, long elapsedTicks, long requestBytes, long responseBytes)
    {
        var statusClass = Math.Clamp(status / 100, 1, RequestDurations.StatusClassCount) - 1;
        Interlocked.Increment(ref _statusClasses[statusClass]);
        Interlocked.Increment(ref _buckets[BucketOf(elapsedTicks)]);
        Interlocked.Add(ref _durationTicks, elapsedTicks);
        if (requestBytes > 0)
        {
            Interlocked.Add(ref _requestBytes, requestBytes);
        }

        if (responseBytes > 0)
        {
            Interlocked.Add(ref _responseBytes, responseBytes);
        }
    }

    public RequestCounters Snapshot() => new(
        App,
        Service,
        Release,
        [.. _statusClasses.Select((_, i) => Volatile.Read(ref _statusClasses[i]))],
        [.. _buckets.Select((_, i) => Volatile.Read(ref _buckets[i]))],
        (double)Volatile.Read(ref _durationTicks) / Stopwatch.Frequency,
        Volatile.Read(ref _requestBytes),
        Volatile.Read(ref _responseBytes));

    /// <summary>A linear scan: 15 bounds, most requests stop in the first few.</summary>
    private static int BucketOf(long ticks)
    {
        var bounds = _boundTicks;
        for (var i = 0; i < bounds.Length; i++)
        {
            if (ticks <= bounds[i])
            {
                return i;
            }
        }

        return bounds.Length;
    }
}
