using System.Net;
using System.Text;
using Wharf.Core.Api;
using Wharf.Server.Tests.Infrastructure;

namespace Wharf.Server.Tests;

public sealed class EnvEndpointsTests(WharfServerFactory server) : IClassFixture<WharfServerFactory>
{
    [Fact]
    public async Task Patch_Set_Answers201WithNewEnvVersionAndCurrentRelease()
    {
        using var client = await server.ClientForNewTokenAsync("deploy", "ci-env");
        var app = ApiCalls.NewAppName("env");
        await client.CreateAppAsync(app);

        var response = await client.PatchEnvAsync(app, new Dictionary<string, string> { ["FOO"] = "1", ["BAR"] = "2" });

        var result = await HttpAssert.OkAsync<EnvChangeResult>(response, HttpStatusCode.Created);
        Assert.Equal($"/v1/apps/{app}/releases/1", response.Headers.Location?.OriginalString);
        Assert.Equal((1, 1, true), (result.EnvVersion, result.Release.Version, result.Release.Current));
        Assert.Equal("Set FOO, BAR", result.Release.Description);
        Assert.Equal("ci-env", result.Release.CreatedBy);
        Assert.Equal(["BAR", "FOO"], result.Release.EnvKeys);
    }

    [Fact]
    public async Task Patch_SeveralChanges_EachMakesTheNextReleaseAndItBecomesCurrent()
    {
        using var client = server.AdminClient();
        var app = ApiCalls.NewAppName("env");
        await client.CreateAppAsync(app);

        await client.SetEnvAsync(app, new Dictionary<string, string> { ["A"] = "1" });
        await client.SetEnvAsync(app, new Dictionary<string, string> { ["B"] = "2", ["C"] = "3" }, "A");
        var last = await client.SetEnvAsync(app, null, "B");

        Assert.Equal((3, 3), (last.EnvVersion, last.Release.Version));
        var releases = await HttpAssert.OkAsync<List<ReleaseInfo>>(await client.GetAsync($"/v1/apps/{app}/releases"));
        Assert.Equal(
            [(3, "Unset B", true), (2, "Set B, C; unset A", false), (1, "Set A", false)],
            releases.Select(r => (r.Version, r.Description, r.Current)));
        Assert.Equal(3, (await HttpAssert.OkAsync<AppInfo>(await client.GetAsync($"/v1/apps/{app}"))).CurrentRelease);
        var env = await HttpAssert.OkAsync<EnvInfo>(await client.GetAsync($"/v1/apps/{app}/env?reveal=true"));
        Assert.Equal(new Dictionary<string, string> { ["C"] = "3" }, env.Values);
    }

    [Fact]
    public async Task Get_WithoutReveal_MasksValues()
    {
        using var admin = server.AdminClient();
        var app = ApiCalls.NewAppName("env");
        await admin.CreateAppAsync(app);
        await admin.SetEnvAsync(app, new Dictionary<string, string> { ["SECRET"] = "hunter2" });
        using var reader = await server.ClientForNewTokenAsync("read");

        var response = await reader.GetAsync($"/v1/apps/{app}/env");

        var env = await HttpAssert.OkAsync<EnvInfo>(response);
        Assert.Equal((1, false), (env.Version, env.Revealed));
        Assert.Equal("********", env.Values["SECRET"]);
        Assert.DoesNotContain("hunter2", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_RevealWithDeployToken_ShowsValues()
    {
        using var admin = server.AdminClient();
        var app = ApiCalls.NewAppName("env");
        await admin.CreateAppAsync(app);
        await admin.SetEnvAsync(app, new Dictionary<string, string> { ["SECRET"] = "hunter2" });
        using var deployer = await server.ClientForNewTokenAsync("deploy");

        var env = await HttpAssert.OkAsync<EnvInfo>(await deployer.GetAsync($"/v1/apps/{app}/env?reveal=true"));

        Assert.True(env.Revealed);
        Assert.Equal("hunter2", env.Values["SECRET"]);
    }

    [Fact]
    public async Task Get_RevealWithReadToken_Answers403()
    {
        using var admin = server.AdminClient();
        var app = ApiCalls.NewAppName("env");
        await admin.CreateAppAsync(app);
        using var reader = await server.ClientForNewTokenAsync("read", "peeker");

        var problem = await HttpAssert.ProblemAsync(await reader.GetAsync($"/v1/apps/{app}/env?reveal=true"), HttpStatusCode.Forbidden);

        Assert.StartsWith("Revealing env values needs the deploy role; your token 'peeker' has read.", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_NoConfigYet_AnswersNullVersion()
    {
        using var admin = server.AdminClient();
        var app = ApiCalls.NewAppName("env");
        await admin.CreateAppAsync(app);

        var response = await admin.GetAsync($"/v1/apps/{app}/env");

        Assert.Contains("\"version\":null", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Patch_BadKeys_Answers400WithEveryErrorBySetAndUnset()
    {
        using var admin = server.AdminClient();
        var app = ApiCalls.NewAppName("env");
        await admin.CreateAppAsync(app);

        var response = await admin.PatchEnvAsync(app, new Dictionary<string, string> { ["1FOO"] = "x" }, "BAD-KEY");

        var problem = await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(["'1FOO' is not a valid env key: use letters, digits and '_', not starting with a digit (e.g. DATABASE_URL)."], problem.Errors!["set"]);
        Assert.Equal(["'BAD-KEY' is not a valid env key: use letters, digits and '_', not starting with a digit (e.g. DATABASE_URL)."], problem.Errors["unset"]);
    }

    [Fact]
    public async Task Patch_EmptyChange_Answers400NothingToChange()
    {
        using var admin = server.AdminClient();
        var app = ApiCalls.NewAppName("env");
        await admin.CreateAppAsync(app);
        using var body = new StringContent("{}", Encoding.UTF8, "application/json");

        var problem = await HttpAssert.ProblemAsync(await admin.PatchAsync($"/v1/apps/{app}/env", body), HttpStatusCode.BadRequest);

        Assert.Equal("Nothing to change: give at least one key to set or to unset.", problem.Detail);
    }

    [Fact]
    public async Task Patch_UnsetMissingKey_Answers400NamingIt()
    {
        using var admin = server.AdminClient();
        var app = ApiCalls.NewAppName("env");
        await admin.CreateAppAsync(app);

        var problem = await HttpAssert.ProblemAsync(await admin.PatchEnvAsync(app, null, "GHOST"), HttpStatusCode.BadRequest);

        Assert.Equal($"GHOST is not set on app '{app}', so it cannot be unset: run `wharf env -a {app}` to see the keys.", Assert.Single(problem.Errors!["unset"]));
    }

    [Fact]
    public async Task Patch_MissingApp_Answers404()
    {
        using var admin = server.AdminClient();

        await HttpAssert.ProblemAsync(await admin.PatchEnvAsync("no-such-app", new Dictionary<string, string> { ["A"] = "1" }), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Patch_ValueOfWrongType_Answers400PointingAtTheKey()
    {
        using var admin = server.AdminClient();
        var app = ApiCalls.NewAppName("env");
        await admin.CreateAppAsync(app);
        using var body = new StringContent("{\"set\":{\"PORT\":8080}}", Encoding.UTF8, "application/json");

        var problem = await HttpAssert.ProblemAsync(await admin.PatchAsync($"/v1/apps/{app}/env", body), HttpStatusCode.BadRequest);

        Assert.Equal("The request body is not valid JSON for this request (at $.set.PORT): check the field names and types.", problem.Detail);
        Assert.Contains("$.set.PORT", problem.Errors!.Keys);
    }

    [Fact]
    public async Task Patch_ManyAtOnce_EveryChangeLandsInItsOwnVersionAndRelease()
    {
        using var admin = server.AdminClient();
        var app = ApiCalls.NewAppName("race");
        await admin.CreateAppAsync(app);

        var changes = Enumerable.Range(1, 8).Select(async i =>
        {
            using var client = server.AdminClient();
            return await client.PatchEnvAsync(app, new Dictionary<string, string> { [$"KEY_{i}"] = $"{i}" });
        });
        var responses = await Task.WhenAll(changes);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var env = await HttpAssert.OkAsync<EnvInfo>(await admin.GetAsync($"/v1/apps/{app}/env?reveal=true"));
        Assert.Equal(8, env.Version);
        Assert.Equal(Enumerable.Range(1, 8).ToDictionary(i => $"KEY_{i}", i => $"{i}"), env.Values);
        var releases = await HttpAssert.OkAsync<List<ReleaseInfo>>(await admin.GetAsync($"/v1/apps/{app}/releases"));
        Assert.Equal([8, 7, 6, 5, 4, 3, 2, 1], releases.Select(r => r.Version));
        Assert.Equal([8, 7, 6, 5, 4, 3, 2, 1], releases.Select(r => r.EnvVersion ?? 0));
        Assert.True(releases[0].Current);
    }
}
