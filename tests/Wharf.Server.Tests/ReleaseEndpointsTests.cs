using System.Net;
using Wharf.Core.Api;
using Wharf.Core.Auth;
using Wharf.Core.Releases;
using Wharf.Server.Tests.Infrastructure;

namespace Wharf.Server.Tests;

public sealed class ReleaseEndpointsTests(WharfServerFactory server) : IClassFixture<WharfServerFactory>
{
    [Fact]
    public async Task List_Limit_AnswersTheNewestWithoutManifest()
    {
        using var client = server.AdminClient();
        var app = ApiCalls.NewAppName("rel");
        await client.CreateAppAsync(app);
        for (var i = 1; i <= 3; i++)
        {
            await client.SetEnvAsync(app, new Dictionary<string, string> { [$"K{i}"] = "v" });
        }

        var releases = await HttpAssert.OkAsync<List<ReleaseInfo>>(await client.GetAsync($"/v1/apps/{app}/releases?limit=2"));

        Assert.Equal([3, 2], releases.Select(r => r.Version));
        Assert.Equal(["K1", "K2", "K3"], releases[0].EnvKeys);
        Assert.All(releases, r => Assert.Null(r.Manifest));
    }

    [Fact]
    public async Task Get_OneRelease_IncludesItsManifest()
    {
        using var client = server.AdminClient();
        var app = ApiCalls.NewAppName("rel");
        await client.CreateAppAsync(app);
        await DeployAsync(app, build: 1, "services:\n  web:\n    port: 80\n");

        var release = await HttpAssert.OkAsync<ReleaseInfo>(await client.GetAsync($"/v1/apps/{app}/releases/1"));

        Assert.Equal((1, (int?)1), (release.Version, release.Build));
        Assert.Equal("services:\n  web:\n    port: 80\n", release.Manifest);
    }

    [Fact]
    public async Task Get_Missing_Answers404WithHint()
    {
        using var client = server.AdminClient();
        var app = ApiCalls.NewAppName("rel");
        await client.CreateAppAsync(app);

        var problem = await HttpAssert.ProblemAsync(await client.GetAsync($"/v1/apps/{app}/releases/9"), HttpStatusCode.NotFound);

        Assert.Equal($"Release 9 of app '{app}' does not exist: run `wharf releases -a {app}` to see its releases.", problem.Detail);
    }

    [Fact]
    public async Task Get_NotANumber_Answers404Problem()
    {
        using var client = server.AdminClient();

        await HttpAssert.ProblemAsync(await client.GetAsync("/v1/apps/x/releases/latest"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task List_LimitZero_Answers400OnLimit()
    {
        using var client = server.AdminClient();
        var app = ApiCalls.NewAppName("rel");
        await client.CreateAppAsync(app);

        var problem = await HttpAssert.ProblemAsync(await client.GetAsync($"/v1/apps/{app}/releases?limit=0"), HttpStatusCode.BadRequest);

        Assert.Equal(["The limit 0 is out of range: give a number from 1 to 1000."], problem.Errors!["limit"]);
    }

    [Fact]
    public async Task List_LimitNotANumber_Answers400Problem()
    {
        using var client = server.AdminClient();

        var problem = await HttpAssert.ProblemAsync(await client.GetAsync("/v1/apps/x/releases?limit=lots"), HttpStatusCode.BadRequest);

        Assert.Contains("limit", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diff_EnvAndManifestChanged_ListsKeysAndUnifiedDiffButNoValues()
    {
        using var client = server.AdminClient();
        var app = ApiCalls.NewAppName("rel");
        await client.CreateAppAsync(app);
        await DeployAsync(app, build: 1, "name: web\nport: 80\n");
        await client.SetEnvAsync(app, new Dictionary<string, string> { ["KEEP"] = "k", ["CHANGE"] = "before-value", ["DROP"] = "d" });
        await DeployAsync(app, build: 2, "name: web\nport: 8080\n");
        await client.SetEnvAsync(app, new Dictionary<string, string> { ["CHANGE"] = "after-value", ["ADD"] = "a" }, "DROP");

        var response = await client.GetAsync($"/v1/apps/{app}/releases/2/diff/4");

        var diff = await HttpAssert.OkAsync<ReleaseDiff>(response);
        Assert.Equal((2, 4, (int?)1, (int?)2), (diff.From, diff.To, diff.FromBuild, diff.ToBuild));
        Assert.Equal(["ADD"], diff.EnvAdded);
        Assert.Equal(["DROP"], diff.EnvRemoved);
        Assert.Equal(["CHANGE"], diff.EnvChanged);
        Assert.Equal("--- release 2\n+++ release 4\n@@ -1,2 +1,2 @@\n name: web\n-port: 80\n+port: 8080\n", diff.ManifestDiff);
        Assert.DoesNotContain("-value", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diff_MissingRelease_Answers404()
    {
        using var client = server.AdminClient();
        var app = ApiCalls.NewAppName("rel");
        await client.CreateAppAsync(app);
        await client.SetEnvAsync(app, new Dictionary<string, string> { ["A"] = "1" });

        await HttpAssert.ProblemAsync(await client.GetAsync($"/v1/apps/{app}/releases/1/diff/2"), HttpStatusCode.NotFound);
    }

    /// <summary>Stands in for the deploy flow (a later issue): a release carrying a build and a manifest, made current.</summary>
    private async Task DeployAsync(string app, int build, string manifest)
    {
        var releases = server.Services.GetRequiredService<ReleaseService>();
        var current = await releases.CurrentAsync(app);
        var release = await releases.CreateAsync(Actor.Admin, app, new ReleaseDraft(build, current?.EnvVersion, manifest, $"Deploy build {build}"));
        await releases.PromoteAsync(Actor.Admin, app, release.Version);
    }
}
