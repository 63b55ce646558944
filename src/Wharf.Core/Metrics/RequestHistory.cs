namespace Wharf.Core.Metrics;

/// <summary>
/// The router's counters as read every few seconds over the last hour, in memory: enough to answer rates and
/// percentiles for a window without a Prometheus. It starts empty when the server starts.
/// </summary>
public sealed class RequestHistory(TimeProvider clock)
{
    /// <summary>How far back the history reaches: the longest window `wharf metrics --since` accepts.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromHours(1);

    private readonly Lock _gate = new();
    private readonly LinkedList<RequestSnapshot> _snapshots = new();

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _snapshots.Count;
            }
        }
    }

    public void Add(RequestSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var oldest = clock.GetUtcNow() - Retention - TimeSpan.FromMinutes(1);
        lock (_gate)
        {
            // Kept in time order whatever order snapshots come in.
            var after = _snapshots.Last;
            while (after is not null && after.Value.At > snapshot.At)
            {
                after = after.Previous;
            }

            if (after is null)
            {
                _snapshots.AddFirst(snapshot);
            }
            else
            {
                _snapshots.AddAfter(after, snapshot);
            }

            while (_snapshots.First is { } first && first.Value.At < oldest)
            {
                _snapshots.RemoveFirst();
            }
        }
    }

    /// <summary>The oldest snapshot taken at or after <paramref name="since"/> (the window's start); null when there is none.</summary>
    public RequestSnapshot? StartOf(DateTimeOffset since)
    {
        lock (_gate)
        {
            return _snapshots.FirstOrDefault(s => s.At >= since);
        }
    }
}
