using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Wharf.Core.Api;
using Wharf.Core.Deployments;
using Wharf.Server.Tests.Infrastructure;

namespace Wharf.Server.Tests.Deployments;

/// <summary>The deployment API's refusals and its answers for releases without a build: no engine needed.</summary>
public sealed class DeploymentEndpointsTests(WharfServerFactory server) : IClassFixture<WharfServerFactory>
{
    [Fact]
    public async Task Deploy_NotATar_Answers415WithHowToSendIt()
    {
        using var admin = server.AdminClient();
        var app = await NewAppAsync(admin);

        var response = await admin.PostAsJsonAsync($"/v1/apps/{app}/deployments", new { files = "x" });

        var problem = await HttpAssert.ProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
        Assert.Equal("Send the app directory as a tar with Content-Type: application/x-tar (`wharf deploy` does).", problem.Detail);
    }

    [Fact]
    public async Task Deploy_ReadToken_Answers403()
    {
        using var admin = server.AdminClient();
        var app = await NewAppAsync(admin);
        using var reader = await server.ClientForNewTokenAsync("read");

        await HttpAssert.ProblemAsync(await reader.PostAsync($"/v1/apps/{app}/deployments", Tar([1, 2, 3])), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Deploy_DigestMismatch_Answers400AndRecordsTheFailedBuild()
    {
        using var admin = server.AdminClient();
        var app = await NewAppAsync(admin);
        var content = Tar(SourceTar.Pack(SourceTar.Example("hello")));
        content.Headers.Add(ContextDigest.HeaderName, "sha256:" + new string('a', 64));

        var problem = await HttpAssert.ProblemAsync(await admin.PostAsync($"/v1/apps/{app}/deployments", content), HttpStatusCode.BadRequest);

        Assert.StartsWith("The uploaded source has digest sha256:", problem.Detail, StringComparison.Ordinal);
        Assert.Equal([ContextDigest.HeaderName], problem.Errors!.Keys);
        var builds = await HttpAssert.OkAsync<List<BuildInfo>>(await admin.GetAsync($"/v1/apps/{app}/builds"));
        Assert.Equal("failed", Assert.Single(builds).Status);
    }

    [Fact]
    public async Task Deploy_LargerThanTheLimit_Answers413()
    {
        // A server of its own: two servers on one data directory is refused (the log store allows one writer).
        using var fresh = new WharfServerFactory();
        using var limited = fresh.WithWebHostBuilder(b => b.UseSetting("Deployments:MaxContextBytes", "1024"));
        using var admin = limited.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", File.ReadAllText(Path.Combine(fresh.DataDirectory, "admin.token")).Trim());
        var app = await NewAppAsync(admin);

        var sized = await admin.PostAsync($"/v1/apps/{app}/deployments", Tar(new byte[4096]));
        var chunked = new StreamContent(new MemoryStream(new byte[4096]));
        chunked.Headers.ContentType = new MediaTypeHeaderValue("application/x-tar");
        var streamed = await admin.PostAsync($"/v1/apps/{app}/deployments", chunked);

        var problem = await HttpAssert.ProblemAsync(sized, HttpStatusCode.RequestEntityTooLarge);
        Assert.StartsWith("The uploaded source is larger than the server's limit of 0 MiB: list big files", problem.Detail, StringComparison.Ordinal);
        await HttpAssert.ProblemAsync(streamed, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Get_MissingDeployment_Answers404WithHint()
    {
        using var admin = server.AdminClient();
        var app = await NewAppAsync(admin);

        var problem = await HttpAssert.ProblemAsync(await admin.GetAsync($"/v1/apps/{app}/deployments/3/log"), HttpStatusCode.NotFound);

        Assert.Equal($"Deployment 3 of app '{app}' does not exist: run `wharf deployments -a {app}` to see its deployments.", problem.Detail);
    }

    [Fact]
    public async Task Promote_ReleaseWithoutBuild_AnswersASucceededDeploymentAndListsIt()
    {
        using var admin = server.AdminClient();
        var app = await NewAppAsync(admin);
        await admin.SetEnvAsync(app, new Dictionary<string, string> { ["A"] = "1" });
        await admin.SetEnvAsync(app, new Dictionary<string, string> { ["A"] = "2" });

        var promoted = await HttpAssert.OkAsync<DeploymentInfo>(await admin.PostAsync($"/v1/apps/{app}/releases/1/promote", null), HttpStatusCode.Accepted);

        Assert.Equal(("promote", "succeeded", (int?)1), (promoted.Kind, promoted.Status, promoted.Release));
        Assert.Equal(1, (await admin.GetFromJsonAsync<AppInfo>($"/v1/apps/{app}"))!.CurrentRelease);
        var listed = await HttpAssert.OkAsync<List<DeploymentInfo>>(await admin.GetAsync($"/v1/apps/{app}/deployments"));
        Assert.Equal([(promoted.Id, "promote", "succeeded")], listed.Select(d => (d.Id, d.Kind, d.Status)));
        await HttpAssert.ProblemAsync(await admin.PostAsync($"/v1/apps/{app}/deployments/{promoted.Id}/cancel", null), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task BuildLog_MissingBuild_Answers404()
    {
        using var admin = server.AdminClient();
        var app = await NewAppAsync(admin);

        await HttpAssert.ProblemAsync(await admin.GetAsync($"/v1/apps/{app}/builds/1/log"), HttpStatusCode.NotFound);
    }

    private static ByteArrayContent Tar(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-tar");
        return content;
    }

    private static async Task<string> NewAppAsync(HttpClient admin)
    {
        var app = ApiCalls.NewAppName("dep");
        await admin.CreateAppAsync(app);
        return app;
    }
}
