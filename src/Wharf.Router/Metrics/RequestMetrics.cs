using Wharf.Core.Metrics;

namespace Wharf.Router.Metrics;

/// <summary>
/// Every request counter cell of the router, one per (app, service, release), kept from the router's start: counters
/// are cumulative, so a cell outlives its release leaving the table (a scrape still sees its last figures).
/// Cells are looked up when a table is applied, never per request.
/// </summary>
internal sealed class RequestMetrics
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string App, string Service, int Release), RequestMetricsCell> _cells = [];

    public RequestMetricsCell Cell(string app, string service, int release)
    {
        lock (_gate)
        {
            var key = (app, service, release);
            if (!_cells.TryGetValue(key, out var cell))
            {
                cell = new RequestMetricsCell(app, service, release);
                _cells.Add(key, cell);
            }

            return cell;
        }
    }

    public IReadOnlyList<RequestCounters> Snapshot()
    {
        RequestMetricsCell[] cells;
        lock (_gate)
        {
            cells = [.. _cells.Values];
        }

        return [.. cells
            .OrderBy(c => c.App, StringComparer.Ordinal)
            .ThenBy(c => c.Service, StringComparer.Ordinal)
            .ThenBy(c => c.Release)
            .Select(c => c.Snapshot())];
    }
}
