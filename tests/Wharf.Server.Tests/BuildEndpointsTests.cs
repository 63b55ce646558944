using System.Net;
using Wharf.Core.Api;
using Wharf.Core.Builds;
using Wharf.Core.State;
using Wharf.Server.Tests.Infrastructure;

namespace Wharf.Server.Tests;

public sealed class BuildEndpointsTests(WharfServerFactory server) : IClassFixture<WharfServerFactory>
{
    [Fact]
    public async Task List_TwoBuilds_NewestFirstWithStatusNames()
    {
        using var client = await server.ClientForNewTokenAsync("read");
        using var admin = server.AdminClient();
        var app = ApiCalls.NewAppName("builds");
        await admin.CreateAppAsync(app);
        await InsertBuildAsync(app, 1, BuildStatus.Failed, "Step 3/5 failed: exit code 1");
        await InsertBuildAsync(app, 2, BuildStatus.Succeeded, null);

        var builds = await HttpAssert.OkAsync<List<BuildInfo>>(await client.GetAsync($"/v1/apps/{app}/builds"));

        Assert.Equal([(2, "succeeded"), (1, "failed")], builds.Select(b => (b.Number, b.Status)));
        Assert.Equal($"{app}-web:2", builds[0].Images["web"]);
        Assert.Equal("Step 3/5 failed: exit code 1", builds[1].Error);
    }

    [Fact]
    public async Task Get_OneBuild_AnswersIt()
    {
        using var admin = server.AdminClient();
        var app = ApiCalls.NewAppName("builds");
        await admin.CreateAppAsync(app);
        await InsertBuildAsync(app, 1, BuildStatus.Running, null);

        var build = await HttpAssert.OkAsync<BuildInfo>(await admin.GetAsync($"/v1/apps/{app}/builds/1"));

        Assert.Equal((app, 1, "running"), (build.App, build.Number, build.Status));
    }

    [Fact]
    public async Task Get_Missing_Answers404WithHint()
    {
        using var admin = server.AdminClient();
        var app = ApiCalls.NewAppName("builds");
        await admin.CreateAppAsync(app);

        var problem = await HttpAssert.ProblemAsync(await admin.GetAsync($"/v1/apps/{app}/builds/3"), HttpStatusCode.NotFound);

        Assert.Equal($"Build 3 of app '{app}' does not exist: run `wharf builds -a {app}` to see its builds.", problem.Detail);
    }

    [Fact]
    public async Task List_MissingApp_Answers404()
    {
        using var admin = server.AdminClient();

        await HttpAssert.ProblemAsync(await admin.GetAsync("/v1/apps/ghost/builds"), HttpStatusCode.NotFound);
    }

    /// <summary>Builds are made by the build flow (a later issue); here they are written straight to the store.</summary>
    private async Task InsertBuildAsync(string app, int number, BuildStatus status, string? error)
    {
        var state = server.Services.GetRequiredService<IStateStore>();
        var images = new Dictionary<string, string> { ["web"] = $"{app}-web:{number}" };
        Assert.True(await state.Builds.TryInsertAsync(new Build(app, number, status, images, "name: web\n", error, DateTimeOffset.UtcNow, null)));
    }
}
