using System.Net.Http.Json;
using Wharf.Core.Api;

namespace Wharf.Server.Tests.Routing;

/// <summary>
/// The router's promises under constant traffic, against the real engine and a real server process: deploys,
/// a release that never gets healthy, a killed process and a killed API server all cost no request.
/// </summary>
[Trait("Category", "Docker")]
[Collection(AloneUnderLoad.Name)]
public sealed class ZeroDowntimeDockerTests(RoutedServerFixture fixture) : IClassFixture<RoutedServerFixture>
{
    private const int Rate = 250;

    [Fact]
    public async Task Deploy_TenChangedReleasesUnderLoad_NoFailedRequestAndNoClientGoesBack()
    {
        var app = await fixture.CreateAppAsync();
        await fixture.DeploySucceededAsync(app, RoutedServerFixture.Hello());
        await fixture.WaitRoutedAsync(app);

        await using var load = TrafficLoad.Start(fixture.Server.RouterUrl, RoutedServerFixture.Host(app), requestsPerSecond: Rate);
        var releases = new List<int>();
        for (var i = 1; i <= 10; i++)
        {
            var change = i;
            var deployment = await fixture.DeploySucceededAsync(app, RoutedServerFixture.Hello(code => code + $"\n# change {change}\n"));
            releases.Add(deployment.Release!.Value);
        }

        await Task.Delay(TimeSpan.FromSeconds(1));
        await load.StopAsync();

        Assert.True(load.Failures.Count == 0 && load.WentBack.Count == 0, load.Summary() + await fixture.DescribeAsync(app));
        Assert.True(load.RequestsPerSecond >= 200, load.Summary());
        Assert.True(load.Releases.ContainsKey(releases[^1]), "The last release never served: " + load.Summary());
        Assert.True(load.Releases.Count >= 6, "Too few releases served during the deploys: " + load.Summary());
    }

    [Fact]
    public async Task Deploy_TenChangedReleasesUnderPostLoad_NoFailedRequest()
    {
        // A POST is never sent twice by the router once its body went out, so any connection a backend drops or resets
        // during a rollout would show here as a 502.
        static string AcceptPosts(string code) => code.Replace(
            "    def log_message",
            "    def do_POST(self):\n        self.rfile.read(int(self.headers.get(\"Content-Length\", \"0\")))\n        self.do_GET()\n\n    def log_message",
            StringComparison.Ordinal);
        var app = await fixture.CreateAppAsync();
        await fixture.DeploySucceededAsync(app, RoutedServerFixture.Hello(AcceptPosts));
        await fixture.WaitRoutedAsync(app);

        await using var load = TrafficLoad.Start(fixture.Server.RouterUrl, RoutedServerFixture.Host(app), requestsPerSecond: Rate, method: HttpMethod.Post);
        for (var i = 1; i <= 10; i++)
        {
            var change = i;
            await fixture.DeploySucceededAsync(app, RoutedServerFixture.Hello(code => AcceptPosts(code) + $"\n# change {change}\n"));
        }

        await Task.Delay(TimeSpan.FromSeconds(1));
        await load.StopAsync();

        Assert.True(load.Failures.Count == 0 && load.WentBack.Count == 0, load.Summary() + await fixture.DescribeAsync(app));
        Assert.True(load.Releases.Count >= 6, "Too few releases served during the deploys: " + load.Summary());
    }

    [Fact]
    public async Task Deploy_ReleaseNeverHealthy_RolledBackWhileTheOldOneServesThroughout()
    {
        var app = await fixture.CreateAppAsync();
        var good = await fixture.DeploySucceededAsync(app, RoutedServerFixture.Hello());
        await fixture.WaitRoutedAsync(app);

        await using var load = TrafficLoad.Start(fixture.Server.RouterUrl, RoutedServerFixture.Host(app), requestsPerSecond: Rate);
        var bad = await fixture.DeployAsync(app, RoutedServerFixture.Hello(code => code.Replace(
            "self.send_response(200)", "self.send_response(500 if self.path == \"/health\" else 200)", StringComparison.Ordinal)));
        await Task.Delay(TimeSpan.FromSeconds(2));
        await load.StopAsync();

        Assert.Equal("failed", bad.Status);
        Assert.Contains("/health", bad.Error, StringComparison.Ordinal);
        Assert.Contains("500", bad.Error, StringComparison.Ordinal);
        Assert.True(load.Failures.Count == 0, load.Summary());
        Assert.Equal([good.Release!.Value], load.Releases.Keys);
        var info = await fixture.Admin.GetFromJsonAsync<AppInfo>($"/v1/apps/{app}");
        Assert.Equal(good.Release, info!.CurrentRelease);
    }

    [Fact]
    public async Task DockerKill_OneOfTwoProcessesUnderLoad_NoFailedRequest()
    {
        var app = await fixture.CreateAppAsync();
        await fixture.DeploySucceededAsync(app, RoutedServerFixture.Hello());
        (await fixture.Admin.PatchAsJsonAsync($"/v1/apps/{app}/formation", new Dictionary<string, int> { ["web"] = 2 })).EnsureSuccessStatusCode();
        await fixture.WaitRoutedAsync(app, backends: 2);

        await using var load = TrafficLoad.Start(fixture.Server.RouterUrl, RoutedServerFixture.Host(app), requestsPerSecond: Rate);
        await Task.Delay(TimeSpan.FromSeconds(2));
        var processes = await fixture.Admin.GetFromJsonAsync<List<ProcessInfo>>($"/v1/apps/{app}/processes");
        var victim = processes!.First(p => p.Service == "web" && p.State == "running" && p.Id is not null).Id!;
        await RoutedServerFixture.DockerKillAsync(victim);
        await Task.Delay(TimeSpan.FromSeconds(8));
        await load.StopAsync();

        Assert.True(load.Failures.Count == 0, load.Summary());
        await fixture.WaitRoutedAsync(app, backends: 2);
    }

    [Fact]
    public async Task ApiServer_KilledAndStartedUnderLoad_NoFailedRequestAndTheRouterKeepsRunning()
    {
        var app = await fixture.CreateAppAsync();
        await fixture.DeploySucceededAsync(app, RoutedServerFixture.Hello());
        await fixture.WaitRoutedAsync(app);
        var router = fixture.Server.RouterPid();
        Assert.NotNull(router);

        await using var load = TrafficLoad.Start(fixture.Server.RouterUrl, RoutedServerFixture.Host(app), requestsPerSecond: Rate);
        await Task.Delay(TimeSpan.FromSeconds(1));
        await fixture.Server.KillAsync();
        await Task.Delay(TimeSpan.FromSeconds(2));
        await fixture.Server.StartAgainAsync();
        await Task.Delay(TimeSpan.FromSeconds(3));
        await load.StopAsync();

        Assert.True(load.Failures.Count == 0, load.Summary());
        Assert.Equal(router, fixture.Server.RouterPid());
        Assert.True(load.Requests > Rate * 4, load.Summary());
    }
}
