using System.Net.Http.Json;
using Wharf.Core.Api;
using Wharf.Server.Tests.Infrastructure;
using Wharf.Server.Tests.Routing;

namespace Wharf.Server.Tests.Metrics;

/// <summary>A real Prometheus scrapes a real Wharf server (with its router) using a read token, then answers queries for Wharf's series.</summary>
public sealed class PrometheusScrapeTests
{
    private static readonly TimeSpan _deadline = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Scrape_ReadToken_WharfSeriesQueryableInPrometheus()
    {
        await using var server = await RoutedServerProcess.StartAsync();
        using var admin = server.Admin();
        await admin.CreateAppAsync(ApiCalls.NewAppName("scraped"));
        var created = await admin.PostAsJsonAsync("/v1/tokens", new CreateTokenRequest($"prometheus-{Guid.NewGuid():N}"[..24], "read"));
        created.EnsureSuccessStatusCode();
        var token = (await created.Content.ReadFromJsonAsync<TokenInfo>())!.Secret!;

        await using var prometheus = await PrometheusProcess.StartAsync(server.ApiUrl, token);

        var (up, upAnswer) = await prometheus.QueryUntilFoundAsync("up{job=\"wharf\"} == 1", _deadline);
        Assert.True(up == "1", $"Prometheus never scraped Wharf successfully: {upAnswer}\n{await prometheus.TargetsAsync()}\n{server.Tail()}");
        var (apps, appsAnswer) = await prometheus.QueryUntilFoundAsync("wharf_apps", _deadline);
        Assert.True(apps == "1", $"wharf_apps is not 1 in Prometheus: {appsAnswer}");
        var (router, routerAnswer) = await prometheus.QueryUntilFoundAsync("wharf_router_up", _deadline);
        Assert.True(router == "1", $"wharf_router_up is not 1 in Prometheus (the server could not read its router's counters): {routerAnswer}\n{server.Tail()}");
    }
}
