using Wharf.Core.Api;
using Wharf.Core.Processes;

namespace Wharf.Core.Metrics;

/// <summary>
/// `wharf metrics`: request rates, latency percentiles and error rates from the router's counters now against the
/// snapshot in <see cref="RequestHistory"/> at the window's start, with the CPU and memory of each service's
/// processes now.
/// </summary>
public sealed class AppMetricsService(IRouterMetrics router, RequestHistory history, ProcessListing processes, TimeProvider clock)
{
    public async Task<AppMetricsInfo> GetAsync(string app, TimeSpan window, CancellationToken ct = default)
    {
        var listed = await processes.ListAsync(app, ct);
        var now = clock.GetUtcNow();
        string? note = null;
        RequestSnapshot? end = null;
        try
        {
            end = new RequestSnapshot(now, await router.RequestCountersAsync(ct));
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            note = $"Request figures are missing: {e.Message}";
        }

        var start = history.StartOf(now - window);
        if (end is not null && start is null)
        {
            note = "Request figures are missing: the server keeps request history from its start, and has none yet; try again in a few seconds.";
        }

        var requests = end is null || start is null ? [] : ServiceRequests.Between(app, start, end);
        var seconds = start is null ? 0 : (now - start.At).TotalSeconds;
        var services = listed.Where(p => p.Kind == "service").Select(p => p.Service)
            .Concat(requests.Select(r => r.Service))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(service => Describe(service, requests.FirstOrDefault(r => r.Service == service), seconds, listed))
            .ToList();
        return new AppMetricsInfo(app, start?.At ?? now, now, services, note);
    }

    private static ServiceMetricsInfo Describe(string service, ServiceRequests? requests, double seconds, IReadOnlyList<ProcessInfo> listed)
    {
        var running = listed.Where(p => p.Kind == "service" && p.Service == service && p.State == "running").ToList();
        var measured = running.Where(p => p.CpuPercent is not null).ToList();
        var count = requests?.Requests ?? 0;
        var bounds = RequestDurations.Bounds;
        return new ServiceMetricsInfo(
            service,
            count,
            seconds > 0 ? count / seconds : 0,
            count > 0 ? (double)requests!.Errors / count : null,
            count > 0 ? HistogramQuantile.Estimate(0.50, bounds, requests!.DurationBuckets) : null,
            count > 0 ? HistogramQuantile.Estimate(0.95, bounds, requests!.DurationBuckets) : null,
            count > 0 ? HistogramQuantile.Estimate(0.99, bounds, requests!.DurationBuckets) : null,
            running.Count,
            measured.Count > 0 ? measured.Sum(p => p.CpuPercent!.Value) : null,
            measured.Count > 0 ? measured.Sum(p => p.MemoryBytes ?? 0) : null);
    }
}
