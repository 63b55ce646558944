using System.Net;
using System.Net.Http.Json;
using Wharf.Core.Api;
using Wharf.Server.Tests.Infrastructure;

namespace Wharf.Server.Tests.Processes;

/// <summary>What the process, formation and timer routes answer before anything runs (no engine needed).</summary>
public sealed class ProcessEndpointsTests(WharfServerFactory server) : IClassFixture<WharfServerFactory>
{
    [Fact]
    public async Task Formation_AppWithoutRelease_ListsNothingAndRefusesToScale()
    {
        using var client = server.AdminClient();
        var app = ApiCalls.NewAppName("proc");
        await client.CreateAppAsync(app);

        Assert.Empty(await HttpAssert.OkAsync<List<FormationInfo>>(await client.GetAsync($"/v1/apps/{app}/formation")));
        var problem = await HttpAssert.ProblemAsync(
            await client.PatchAsJsonAsync($"/v1/apps/{app}/formation", new Dictionary<string, int> { ["web"] = 2 }), HttpStatusCode.Conflict);

        Assert.Equal($"App '{app}' has no release with services yet: deploy it first with `wharf deploy -a {app}`.", problem.Detail);
    }

    [Fact]
    public async Task Run_AppWithoutRelease_Answers409BeforeStreaming()
    {
        using var client = server.AdminClient();
        var app = ApiCalls.NewAppName("proc");
        await client.CreateAppAsync(app);

        await HttpAssert.ProblemAsync(
            await client.PostAsJsonAsync($"/v1/apps/{app}/processes", new RunRequest("web", ["true"])), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Timers_UnknownApp_Answers404()
    {
        using var client = server.AdminClient();

        var problem = await HttpAssert.ProblemAsync(await client.GetAsync("/v1/apps/no-such-app/timers"), HttpStatusCode.NotFound);

        Assert.StartsWith("App 'no-such-app' does not exist", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Writes_ReadToken_Answer403()
    {
        using var reader = await server.ClientForNewTokenAsync("read");
        var app = ApiCalls.NewAppName("proc");

        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PatchAsJsonAsync($"/v1/apps/{app}/formation", new Dictionary<string, int> { ["web"] = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostAsJsonAsync($"/v1/apps/{app}/processes", new RunRequest("web", ["sh"]))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostAsJsonAsync($"/v1/apps/{app}/processes/abc/exec", new ExecRequest(["sh"]))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.DeleteAsync($"/v1/apps/{app}/processes/abc")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostAsync($"/v1/apps/{app}/restart", null)).StatusCode);
    }

    [Fact]
    public async Task Scale_CountNotANumber_Answers400()
    {
        using var client = server.AdminClient();
        var app = ApiCalls.NewAppName("proc");
        await client.CreateAppAsync(app);
        using var body = new StringContent("{\"web\":\"three\"}", System.Text.Encoding.UTF8, "application/json");

        var problem = await HttpAssert.ProblemAsync(await client.PatchAsync($"/v1/apps/{app}/formation", body), HttpStatusCode.BadRequest);

        Assert.Contains("$.web", problem.Detail, StringComparison.Ordinal);
    }
}
