using System.Globalization;
using Wharf.Core.Api;
using Wharf.Core.Errors;
using Wharf.Core.Metrics;
using Wharf.Core.Processes;
using Wharf.Core.Routing;
using Wharf.Core.State;

namespace Wharf.Server.Metrics;

/// <summary>
/// What GET /metrics answers: every app's service processes (CPU, memory, restarts) as the runtime reports them now,
/// then the router's request counters; a part that cannot be read is a comment line saying why, not a failed scrape.
/// </summary>
public sealed class ServerMetricsText(IStateStore state, ProcessListing processes, IRouterMetrics router)
{
    public const string Cpu = "wharf_process_cpu_ratio";
    public const string Memory = "wharf_process_memory_bytes";
    public const string Restarts = "wharf_process_restarts_total";
    public const string Processes = "wharf_processes";
    public const string Apps = "wharf_apps";
    public const string RouterUp = "wharf_router_up";

    public async Task<string> WriteAsync(CancellationToken ct)
    {
        var writer = new PrometheusTextWriter();
        await WriteProcessesAsync(writer, ct);
        if (router is NoRouter)
        {
            writer.Comment("no router runs with this server (--no-router): no request metrics");
            return writer.ToString();
        }

        IReadOnlyList<RequestCounters>? counters = null;
        string? failure = null;
        try
        {
            counters = await router.RequestCountersAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            failure = e.Message;
        }

        writer.Family(RouterUp, "gauge", "1 when the router answered this scrape with its request counters, else 0.");
        writer.Sample(RouterUp, MetricLabels.None, counters is null ? 0 : 1);
        if (counters is null)
        {
            writer.Comment($"router request metrics left out: {failure}");
        }
        else
        {
            RequestMetricsText.Write(writer, counters);
        }

        return writer.ToString();
    }

    private async Task WriteProcessesAsync(PrometheusTextWriter writer, CancellationToken ct)
    {
        var rows = new List<ProcessInfo>();
        var apps = await state.Apps.ListAsync(ct);
        writer.Family(Apps, "gauge", "Apps on this server.");
        writer.Sample(Apps, MetricLabels.None, apps.Count);
        foreach (var app in apps)
        {
            try
            {
                rows.AddRange(await processes.ListAsync(app.Name, ct));
            }
            catch (NotFoundException)
            {
                // Deleted since it was listed.
            }
        }

        var running = rows.Where(p => p is { Id: not null, State: "running" }).ToList();
        writer.Family(Cpu, "gauge", "CPU a running process uses now, in cores (1 = one core busy).");
        foreach (var p in running.Where(p => p.CpuPercent is not null))
        {
            writer.Sample(Cpu, ProcessLabels(p), p.CpuPercent!.Value / 100);
        }

        writer.Family(Memory, "gauge", "Memory a running process uses now (without reclaimable file cache).");
        foreach (var p in running.Where(p => p.MemoryBytes is not null))
        {
            writer.Sample(Memory, ProcessLabels(p), p.MemoryBytes!.Value);
        }

        writer.Family(Processes, "gauge", "Running processes per app, service, kind and release.");
        foreach (var group in running.GroupBy(p => (p.App, p.Service, p.Kind, p.Release)))
        {
            var labels = new MetricLabels().Add("app", group.Key.App).Add("service", group.Key.Service).Add("kind", group.Key.Kind)
                .Add("release", group.Key.Release.ToString(CultureInfo.InvariantCulture));
            writer.Sample(Processes, labels, group.Count());
        }

        writer.Family(Restarts, "counter", "Times a service's processes were restarted after exiting, since the server started.");
        foreach (var p in rows.Where(p => p.Kind == "service").DistinctBy(p => (p.App, p.Service)))
        {
            writer.Sample(Restarts, new MetricLabels().Add("app", p.App).Add("service", p.Service), p.Restarts);
        }
    }

    private static MetricLabels ProcessLabels(ProcessInfo p) => new MetricLabels()
        .Add("app", p.App)
        .Add("service", p.Service)
        .Add("process", p.Id!)
        .Add("release", p.Release.ToString(CultureInfo.InvariantCulture));
}
