using System.Net;
using Wharf.Core.Api;
using Wharf.Core.Metrics;
using Wharf.Server.Tests.Infrastructure;
using Wharf.Tests.Shared;

namespace Wharf.Server.Tests.Metrics;

public sealed class MetricsEndpointsTests : IDisposable
{
    private readonly FakeRouterMetrics _router = new();
    private readonly WharfServerFactory _server;

    public MetricsEndpointsTests() =>
        _server = new WharfServerFactory { ReplaceServices = services => services.AddSingleton<IRouterMetrics>(_router) };

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task Metrics_NoToken_Answers401()
    {
        using var client = _server.ClientWith(token: null);

        var response = await client.GetAsync("/metrics");

        await HttpAssert.ProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Metrics_ReadToken_PrometheusTextPromtoolAccepts()
    {
        using var admin = _server.AdminClient();
        await admin.CreateAppAsync(ApiCalls.NewAppName("metrics"));
        _router.Counters = [Counters("shop", "web", 2, ok: 5, errors: 1)];
        using var reader = await _server.ClientForNewTokenAsync("read");

        var response = await reader.GetAsync("/metrics");

        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Contains("\nwharf_apps 1\n", text, StringComparison.Ordinal);
        Assert.Contains("\nwharf_router_up 1\n", text, StringComparison.Ordinal);
        Assert.Contains("wharf_http_requests_total{app=\"shop\",service=\"web\",release=\"2\",code=\"5xx\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE wharf_process_cpu_ratio gauge\n", text, StringComparison.Ordinal);
        Assert.Equal("", await Promtool.CheckAsync(text));
    }

    [Fact]
    public async Task AppMetrics_CountersGrewOverTheWindow_RateErrorRateAndPercentiles()
    {
        using var admin = _server.AdminClient();
        var app = ApiCalls.NewAppName("metrics");
        await admin.CreateAppAsync(app);
        var history = _server.Services.GetRequiredService<RequestHistory>();
        history.Add(new RequestSnapshot(DateTimeOffset.UtcNow.AddMinutes(-2), [Counters(app, "web", 1, ok: 100, errors: 0)]));
        // 120 more requests in 2 minutes: 1/s; 12 of them 5xx; all in the 25-50 ms bucket.
        _router.Counters = [Counters(app, "web", 1, ok: 208, errors: 12)];

        var metrics = await HttpAssert.OkAsync<AppMetricsInfo>(await admin.GetAsync($"/v1/apps/{app}/metrics?since=15m"));

        var web = Assert.Single(metrics.Services);
        Assert.Equal(("web", 120L), (web.Service, web.Requests));
        Assert.InRange(web.RequestsPerSecond, 0.9, 1.01);
        Assert.Equal(0.1, web.ErrorRate!.Value, 3);
        Assert.InRange(web.P50!.Value, 0.025, 0.05);
        Assert.InRange(web.P99!.Value, web.P50.Value, 0.05);
        Assert.Null(metrics.Note);
    }

    [Fact]
    public async Task AppMetrics_SinceLongerThanTheHistory_Answers400WithSentence()
    {
        using var admin = _server.AdminClient();
        var app = ApiCalls.NewAppName("metrics");
        await admin.CreateAppAsync(app);

        var problem = await HttpAssert.ProblemAsync(await admin.GetAsync($"/v1/apps/{app}/metrics?since=3h"), HttpStatusCode.BadRequest);

        Assert.Contains("'3h' reaches back further than the hour of request history", problem.Detail, StringComparison.Ordinal);
    }

    /// <summary>Counters whose durations all fall in the 25–50 ms bucket.</summary>
    private static RequestCounters Counters(string app, string service, int release, long ok, long errors)
    {
        var buckets = new long[RequestDurations.Bounds.Count + 1];
        buckets[5] = ok + errors;
        return new RequestCounters(app, service, release, [0, ok, 0, 0, errors], buckets, (ok + errors) * 0.03, 0, 0);
    }
}
