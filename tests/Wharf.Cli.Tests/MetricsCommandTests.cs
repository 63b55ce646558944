using System.Text.Json;
using Wharf.Cli.Tests.Infrastructure;
using Wharf.Core.Api;

namespace Wharf.Cli.Tests;

/// <summary>`wharf metrics` against the real server (and its router) of the shared fixture.</summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class MetricsCommandTests(ServerFixture server)
{
    [Fact]
    public async Task Metrics_AppWithoutProcesses_PrintsTheWindowAndExitsZero()
    {
        using var user = server.Admin();
        var app = AppNames.Unique("metrics");
        await user.RunAsync("apps", "create", app);

        var metrics = await user.RunAsync("metrics", "-a", app, "--since", "5m");

        Assert.True(metrics.ExitCode == 0, metrics.ToString());
        Assert.Contains($"{app} has no services running and served no requests in the window.", metrics.Stdout, StringComparison.Ordinal);
        Assert.Contains("Window: ", metrics.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_Json_ParsesAsTheApiDto()
    {
        using var user = server.Admin();
        var app = AppNames.Unique("metricsjson");
        await user.RunAsync("apps", "create", app);

        var metrics = await user.RunAsync("metrics", "-a", app, "--json");

        Assert.True(metrics.ExitCode == 0, metrics.ToString());
        var info = JsonSerializer.Deserialize<AppMetricsInfo>(metrics.Stdout, JsonSerializerOptions.Web)!;
        Assert.Equal(app, info.App);
        Assert.Empty(info.Services);
    }

    [Fact]
    public async Task Metrics_SinceTooLong_SaysWhyAndExitsNonZero()
    {
        using var user = server.Admin();
        var app = AppNames.Unique("metricsbad");
        await user.RunAsync("apps", "create", app);

        var metrics = await user.RunAsync("metrics", "-a", app, "--since", "2d");

        Assert.NotEqual(0, metrics.ExitCode);
        Assert.Contains("'2d' is not a duration: give a whole number with s, m or h, e.g. 15m.", metrics.Stderr, StringComparison.Ordinal);
    }
}
