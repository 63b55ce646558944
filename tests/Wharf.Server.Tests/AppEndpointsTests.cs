using System.Net;
using System.Net.Http.Json;
using System.Text;
using Wharf.Core.Api;
using Wharf.Server.Tests.Infrastructure;

namespace Wharf.Server.Tests;

public sealed class AppEndpointsTests(WharfServerFactory server) : IClassFixture<WharfServerFactory>
{
    [Fact]
    public async Task Create_ValidName_Answers201WithLocationAndIsListed()
    {
        using var client = await server.ClientForNewTokenAsync("deploy");
        var name = ApiCalls.NewAppName("hello");

        var response = await client.PostAsJsonAsync("/v1/apps", new CreateAppRequest(name));

        var app = await HttpAssert.OkAsync<AppInfo>(response, HttpStatusCode.Created);
        Assert.Equal($"/v1/apps/{name}", response.Headers.Location?.OriginalString);
        Assert.Null(app.CurrentRelease);
        Assert.Equal(name, (await HttpAssert.OkAsync<AppInfo>(await client.GetAsync($"/v1/apps/{name}"))).Name);
        Assert.Contains(await HttpAssert.OkAsync<List<AppInfo>>(await client.GetAsync("/v1/apps")), a => a.Name == name);
    }

    [Fact]
    public async Task Create_BadName_Answers400WithErrorsOnName()
    {
        using var client = server.AdminClient();

        var problem = await HttpAssert.ProblemAsync(await client.PostAsJsonAsync("/v1/apps", new CreateAppRequest("Bad_Name")), HttpStatusCode.BadRequest);

        const string expected = "The app name 'Bad_Name' is invalid: use lowercase letters, digits and '-', start with a letter and do not end with '-'.";
        Assert.Equal(expected, problem.Detail);
        Assert.Equal([expected], problem.Errors!["name"]);
    }

    [Fact]
    public async Task Create_NameTaken_Answers409()
    {
        using var client = server.AdminClient();
        var name = ApiCalls.NewAppName("taken");
        await client.CreateAppAsync(name);

        var problem = await HttpAssert.ProblemAsync(await client.PostAsJsonAsync("/v1/apps", new CreateAppRequest(name)), HttpStatusCode.Conflict);

        Assert.Equal($"App '{name}' already exists: pick another name, or use it as it is.", problem.Detail);
    }

    [Fact]
    public async Task Create_MalformedJson_Answers400ProblemNot500()
    {
        using var client = server.AdminClient();
        using var body = new StringContent("{\"name\": ", Encoding.UTF8, "application/json");

        var problem = await HttpAssert.ProblemAsync(await client.PostAsync("/v1/apps", body), HttpStatusCode.BadRequest);

        Assert.StartsWith("The request body is not valid JSON for this request", problem.Detail, StringComparison.Ordinal);
        Assert.NotEmpty(problem.Errors!);
    }

    [Fact]
    public async Task Create_NoBody_Answers400SayingABodyIsNeeded()
    {
        using var client = server.AdminClient();
        using var body = new StringContent(string.Empty, Encoding.UTF8, "application/json");

        var problem = await HttpAssert.ProblemAsync(await client.PostAsync("/v1/apps", body), HttpStatusCode.BadRequest);

        Assert.Equal("This request needs a JSON body: see the request types in ApiRoutes.md.", problem.Detail);
    }

    [Fact]
    public async Task Create_NotJson_Answers415Problem()
    {
        using var client = server.AdminClient();
        using var body = new StringContent("name=hello", Encoding.UTF8, "application/x-www-form-urlencoded");

        await HttpAssert.ProblemAsync(await client.PostAsync("/v1/apps", body), HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Get_Missing_Answers404WithHint()
    {
        using var client = server.AdminClient();

        var problem = await HttpAssert.ProblemAsync(await client.GetAsync("/v1/apps/nope"), HttpStatusCode.NotFound);

        Assert.Equal("App 'nope' does not exist: run `wharf apps` to see the apps, or `wharf apps create nope`.", problem.Detail);
    }

    [Fact]
    public async Task Delete_Existing_Answers204AndTheAppIsGone()
    {
        using var client = server.AdminClient();
        var name = ApiCalls.NewAppName("doomed");
        await client.CreateAppAsync(name);
        await client.SetEnvAsync(name, new Dictionary<string, string> { ["FOO"] = "1" });

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/v1/apps/{name}")).StatusCode);

        await HttpAssert.ProblemAsync(await client.GetAsync($"/v1/apps/{name}"), HttpStatusCode.NotFound);
        await HttpAssert.ProblemAsync(await client.GetAsync($"/v1/apps/{name}/releases"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Delete_Missing_Answers404()
    {
        using var client = server.AdminClient();

        await HttpAssert.ProblemAsync(await client.DeleteAsync("/v1/apps/never-was"), HttpStatusCode.NotFound);
    }
}
