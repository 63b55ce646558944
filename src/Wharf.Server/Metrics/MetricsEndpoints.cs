using Wharf.Core.Metrics;
using Wharf.Server.Auth;

namespace Wharf.Server.Metrics;

/// <summary>GET /metrics (Prometheus text, for scrapers with a read token) and GET /v1/apps/{app}/metrics (`wharf metrics`).</summary>
public static class MetricsEndpoints
{
    public static IEndpointRouteBuilder MapMetricsEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/metrics", async (ServerMetricsText text, CancellationToken ct) =>
            TypedResults.Text(await text.WriteAsync(ct), PrometheusTextWriter.ContentType)).RequireAuthorization(Policies.Read);

        routes.MapGet("/v1/apps/{app}/metrics", async (string app, string? since, AppMetricsService metrics, CancellationToken ct) =>
            TypedResults.Ok(await metrics.GetAsync(app, MetricsWindow.Parse(since), ct))).RequireAuthorization(Policies.Read);
        return routes;
    }
}
