using Wharf.Core.Metrics;

namespace Wharf.Router.Metrics;

/// <summary>
/// Every request counter cell of the router, one per (app, service, release). Counters are cumulative, so a cell
/// outlives its release leaving the table, for <see cref="Retention"/>: as long as the API server keeps request history
/// (so `wharf metrics --since 1h` counts every request, and any scrape sees a release's last figures), yet not forever,
/// so a long-lived router with many deploys does not grow one series per release without end.
/// Cells are looked up when a table is applied, never per request.
/// </summary>
internal sealed class RequestMetrics
{
    /// <summary>How long a cell stays after the last table that used it.</summary>
    public static readonly TimeSpan Retention = RequestHistory.Retention;

    private readonly Lock _gate = new();
    private readonly Dictionary<(string App, string Service, int Release), Entry> _cells = [];
    private long _generation;

    /// <summary>The cell of a release of a service, created when new; marks it used by the table being applied.</summary>
    public RequestMetricsCell Cell(string app, string service, int release)
    {
        lock (_gate)
        {
            var key = (app, service, release);
            if (!_cells.TryGetValue(key, out var entry))
            {
                entry = new Entry(new RequestMetricsCell(app, service, release));
                _cells.Add(key, entry);
            }

            entry.Generation = _generation;
            entry.AbsentSince = null;
            return entry.Cell;
        }
    }

    /// <summary>
    /// Ends a table's application: cells it did not use start their retention (or go on with it), and cells unused
    /// for longer than <see cref="Retention"/> are dropped.
    /// </summary>
    public void Sweep(DateTimeOffset now)
    {
        lock (_gate)
        {
            foreach (var (key, entry) in _cells.ToArray())
            {
                if (entry.Generation == _generation)
                {
                    continue;
                }

                entry.AbsentSince ??= now;
                if (now - entry.AbsentSince.Value >= Retention)
                {
                    _cells.Remove(key);
                }
            }

            _generation++;
        }
    }

    public IReadOnlyList<RequestCounters> Snapshot()
    {
        RequestMetricsCell[] cells;
        lock (_gate)
        {
            cells = [.. _cells.Values.Select(e => e.Cell)];
        }

        return [.. cells
            .OrderBy(c => c.App, StringComparer.Ordinal)
            .ThenBy(c => c.Service, StringComparer.Ordinal)
            .ThenBy(c => c.Release)
            .Select(c => c.Snapshot())];
    }

    private sealed class Entry(RequestMetricsCell cell)
    {
        public RequestMetricsCell Cell { get; } = cell;

        public long Generation { get; set; }

        public DateTimeOffset? AbsentSince { get; set; }
    }
}
