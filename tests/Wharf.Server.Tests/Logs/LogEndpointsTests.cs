using System.Net;
using System.Net.Http.Json;
using Wharf.Core.Api;
using Wharf.Core.Logs;
using Wharf.Server.Tests.Infrastructure;

namespace Wharf.Server.Tests.Logs;

/// <summary>The log routes over the real store, fed directly: queries, follows, roles and errors.</summary>
public sealed class LogEndpointsTests(WharfServerFactory server) : IClassFixture<WharfServerFactory>
{
    private static readonly DateTimeOffset _now = DateTimeOffset.UtcNow;

    private ILogStore Store => server.Services.GetRequiredService<ILogStore>();

    [Fact]
    public async Task GetLogs_ServiceReleaseAndFilter_AnswersOnlyMatchingLinesOldestFirst()
    {
        using var admin = server.AdminClient();
        var app = await NewAppAsync(admin);
        await Store.AppendAsync(
        [
            Entry(app, -50, "web", 1, "GET /cart 200"),
            Entry(app, -40, "worker", 1, "job GET done"),
            Entry(app, -30, "web", 2, "GET /pay 500"),
            Entry(app, -20, "web", 1, "GET /cart 304"),
        ]);

        var lines = await LogFollower.ReadAllAsync(admin, $"/v1/apps/{app}/logs?service=web&release=1&filter=GET%20/cart");

        Assert.Equal(["GET /cart 200", "GET /cart 304"], lines.Select(l => l.Text));
        Assert.All(lines, l => Assert.Equal(("stdout", "web", "p-web", (int?)1), (l.Source, l.Service, l.Process, l.Release)));
    }

    [Fact]
    public async Task GetLogs_SinceAndTail_CutTheOldLines()
    {
        using var admin = server.AdminClient();
        var app = await NewAppAsync(admin);
        await Store.AppendAsync(
        [
            Entry(app, -3 * 3600, "web", 1, "three hours ago"),
            Entry(app, -90, "web", 1, "a minute and a half ago"),
            Entry(app, -60, "web", 1, "a minute ago"),
            Entry(app, -30, "web", 1, "half a minute ago"),
        ]);

        Assert.Equal(
            ["a minute and a half ago", "a minute ago", "half a minute ago"],
            (await LogFollower.ReadAllAsync(admin, $"/v1/apps/{app}/logs?since=10m")).Select(l => l.Text));
        Assert.Equal(
            ["a minute ago", "half a minute ago"],
            (await LogFollower.ReadAllAsync(admin, $"/v1/apps/{app}/logs?tail=2")).Select(l => l.Text));
        Assert.Equal(
            ["three hours ago"],
            (await LogFollower.ReadAllAsync(admin, $"/v1/apps/{app}/logs?until=1h")).Select(l => l.Text));
    }

    [Fact]
    public async Task GetLogs_Follow_SendsANewLineAsSoonAsItIsStored()
    {
        using var admin = server.AdminClient();
        var app = await NewAppAsync(admin);
        await Store.AppendAsync([Entry(app, -6, "web", 1, "long before"), Entry(app, -5, "web", 1, "before")]);
        await using var follow = await LogFollower.OpenAsync(admin, $"/v1/apps/{app}/logs?follow=true&tail=1");
        Assert.Equal("before", (await follow.WaitForAsync(_ => true)).Line.Text);
        await using var fromNow = await LogFollower.OpenAsync(admin, $"/v1/apps/{app}/logs?follow=true&tail=0");

        await Store.AppendAsync([Entry(app, 0, "web", 1, "after")]);

        Assert.Equal("after", (await follow.WaitForAsync(_ => true)).Line.Text);
        Assert.Equal("after", (await fromNow.WaitForAsync(_ => true)).Line.Text);
        Assert.DoesNotContain(follow.Received, l => l.Text == "long before");
    }

    [Fact]
    public async Task GetLogs_ReadToken_IsAllowed()
    {
        using var admin = server.AdminClient();
        var app = await NewAppAsync(admin);
        await Store.AppendAsync([Entry(app, -1, "web", 1, "hello")]);
        using var reader = await server.ClientForNewTokenAsync("read");

        Assert.Equal("hello", Assert.Single(await LogFollower.ReadAllAsync(reader, $"/v1/apps/{app}/logs")).Text);
    }

    [Fact]
    public async Task GetLogs_UnknownApp_Answers404()
    {
        using var admin = server.AdminClient();

        await HttpAssert.ProblemAsync(await admin.GetAsync("/v1/apps/no-such-app/logs"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task GetLogs_BadParameters_Answers400NamingEach()
    {
        using var admin = server.AdminClient();
        var app = await NewAppAsync(admin);

        var problem = await HttpAssert.ProblemAsync(await admin.GetAsync($"/v1/apps/{app}/logs?since=soon&source=stdin"), HttpStatusCode.BadRequest);

        Assert.Contains("'since' 'soon' is not a time", problem.Errors!["since"][0], StringComparison.Ordinal);
        Assert.Contains("'source' has 'stdin'", problem.Errors["source"][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetLogs_EmptyTimeRange_Answers400()
    {
        using var admin = server.AdminClient();
        var app = await NewAppAsync(admin);

        var problem = await HttpAssert.ProblemAsync(await admin.GetAsync($"/v1/apps/{app}/logs?since=1h&until=2h"), HttpStatusCode.BadRequest);

        Assert.Contains("The time range is empty", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetSystemLog_DeployToken_Answers403AndAdminReadsIt()
    {
        using var admin = server.AdminClient();
        using var deployer = await server.ClientForNewTokenAsync("deploy");
        var marker = Guid.NewGuid().ToString("N");
        await Store.AppendAsync([new LogEntry(DateTimeOffset.UtcNow, null, LogSource.Event, null, null, null, $"[x] {marker}")]);

        await HttpAssert.ProblemAsync(await deployer.GetAsync("/v1/logs/system"), HttpStatusCode.Forbidden);
        Assert.Contains(await LogFollower.ReadAllAsync(admin, $"/v1/logs/system?filter={marker}"), l => l.Text == $"[x] {marker}" && l.Source == "event");
    }

    [Fact]
    public async Task Deploy_InvalidManifest_FailureReasonIsInTheSystemLogAndTheAppsLog()
    {
        using var admin = server.AdminClient();
        var app = await NewAppAsync(admin);

        var deployment = await HttpAssert.OkAsync<DeploymentInfo>(
            await admin.PostAsync($"/v1/apps/{app}/deployments", AppTar.Manifest("services:\n  web:\n    image: debian:bookworm-slim\n    port: lots\n")),
            HttpStatusCode.Accepted);

        var failed = await EventuallyAsync(admin, "/v1/logs/system?source=event&filter=" + Uri.EscapeDataString($"[{app}] Deployment {deployment.Id} (deploy) failed"));
        Assert.Contains("wharf.yml:4:", string.Join("\n", failed.Select(l => l.Text)), StringComparison.Ordinal);
        var own = await LogFollower.ReadAllAsync(admin, $"/v1/apps/{app}/logs?source=event,build");
        Assert.Contains(own, l => l.Text == $"Deployment {deployment.Id} (deploy) started");
        Assert.Contains(own, l => l.Text.StartsWith($"Deployment {deployment.Id} (deploy) failed: ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Forward_SetShowStop_RoundTripsAndRefusesNonTcp()
    {
        using var admin = server.AdminClient();
        var app = await NewAppAsync(admin);
        var path = $"/v1/apps/{app}/logs/forward";

        var bad = await HttpAssert.ProblemAsync(await admin.PutAsJsonAsync(path, new LogForwardInfo("udp://logs:514")), HttpStatusCode.BadRequest);
        Assert.Contains("give tcp://HOST:PORT", bad.Errors!["url"][0], StringComparison.Ordinal);

        Assert.Equal("tcp://127.0.0.1:6514", (await HttpAssert.OkAsync<LogForwardInfo>(await admin.PutAsJsonAsync(path, new LogForwardInfo("tcp://127.0.0.1:6514")))).Url);
        Assert.Equal("tcp://127.0.0.1:6514", (await HttpAssert.OkAsync<LogForwardInfo>(await admin.GetAsync(path))).Url);
        Assert.Null((await HttpAssert.OkAsync<LogForwardInfo>(await admin.DeleteAsync(path))).Url);
        Assert.Null((await HttpAssert.OkAsync<LogForwardInfo>(await admin.GetAsync(path))).Url);
    }

    [Fact]
    public async Task Forward_ReadToken_CannotSetIt()
    {
        using var admin = server.AdminClient();
        var app = await NewAppAsync(admin);
        using var reader = await server.ClientForNewTokenAsync("read");

        await HttpAssert.ProblemAsync(await reader.PutAsJsonAsync($"/v1/apps/{app}/logs/forward", new LogForwardInfo("tcp://127.0.0.1:6514")), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task DeleteApp_WithLog_DeletesTheLogToo()
    {
        using var admin = server.AdminClient();
        var app = await NewAppAsync(admin);
        await Store.AppendAsync([Entry(app, -1, "web", 1, "of the first app of that name")]);

        (await admin.DeleteAsync($"/v1/apps/{app}")).EnsureSuccessStatusCode();
        await admin.CreateAppAsync(app);

        Assert.Empty(await LogFollower.ReadAllAsync(admin, $"/v1/apps/{app}/logs"));
    }

    private static async Task<string> NewAppAsync(HttpClient admin)
    {
        var app = ApiCalls.NewAppName("logs");
        await admin.CreateAppAsync(app);
        return app;
    }

    private static async Task<List<LogLineInfo>> EventuallyAsync(HttpClient client, string path)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (true)
        {
            var lines = await LogFollower.ReadAllAsync(client, path);
            if (lines.Count > 0)
            {
                return lines;
            }

            Assert.True(DateTimeOffset.UtcNow < deadline, $"Nothing at {path} within 30 s.");
            await Task.Delay(100);
        }
    }

    private static LogEntry Entry(string app, int secondsAgo, string service, int release, string text) =>
        new(_now.AddSeconds(secondsAgo), app, LogSource.Stdout, service, $"p-{service}", release, text);
}
