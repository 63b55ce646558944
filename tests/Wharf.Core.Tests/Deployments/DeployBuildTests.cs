using Wharf.Core.Builds;

namespace Wharf.Core.Tests.Deployments;

public sealed class DeployBuildTests : IDisposable
{
    private readonly DeploymentHarness _h = new();

    [Fact]
    public async Task Deploy_BuildFails_FailsBuildAndDeploymentWithLastLinesAndPromotesNothing()
    {
        await _h.CreateAppAsync();
        _h.Images.FailWith = _ => "The command '/bin/sh -c make' returned a non-zero code: 2";

        var failed = await _h.DeployAsync();

        const string expected = "Building web failed: The command '/bin/sh -c make' returned a non-zero code: 2\n"
            + "Step 1/2 : FROM debian:bookworm-slim (wharf/hello-web:1)\nStep 2/2 : RUN make\nmake: *** [all] Error 2";
        Assert.Equal(("failed", expected, (int?)null), (failed.Status, failed.Error, failed.Release));
        var build = await _h.State.Builds.GetAsync(DeploymentHarness.App, 1);
        Assert.Equal((BuildStatus.Failed, expected), (build!.Status, build.Error));
        Assert.Null(await _h.State.Releases.LatestAsync(DeploymentHarness.App));
        Assert.Empty(_h.Runtime.Started);
        Assert.Contains("make: *** [all] Error 2", await ReadBlobAsync($"apps/hello/builds/1/log.txt"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deploy_SameSourceAgain_ReusesTheImagesOfTheEarlierBuild()
    {
        await _h.CreateAppAsync();
        await _h.DeployAsync();

        var second = await _h.DeployAsync();

        Assert.Equal(("succeeded", (int?)2, (int?)2), (second.Status, second.Build, second.Release));
        Assert.Single(_h.Images.Builds);
        Assert.Equal([("wharf/hello-web:1", "wharf/hello-web:2")], _h.Images.Tags);
        Assert.Contains("Using cached images of build 1 (same source and build settings)", await _h.LogAsync(second.Id));
        Assert.Equal("wharf/hello-web:2", (await _h.State.Builds.GetAsync(DeploymentHarness.App, 2))!.Images["web"]);
        Assert.Equal("wharf/hello-web:2", Assert.Single(_h.Runtime.Running()).Release == 2 ? _h.Runtime.Started[^1].Image : null);
    }

    [Fact]
    public async Task Deploy_SameSourceButImageGone_BuildsAgain()
    {
        await _h.CreateAppAsync();
        await _h.DeployAsync();
        _h.Images.Forget("wharf/hello-web:1");

        await _h.DeployAsync();

        Assert.Equal(["wharf/hello-web:1", "wharf/hello-web:2"], _h.Images.Builds.Select(b => b.Request.Tag));
    }

    [Fact]
    public async Task Deploy_SameSourceNewestImageGoneButAnOlderOneKept_ReusesTheOlder()
    {
        await _h.CreateAppAsync();
        await _h.DeployAsync();
        await _h.DeployAsync();
        _h.Images.Forget("wharf/hello-web:2");

        var third = await _h.DeployAsync();

        Assert.Single(_h.Images.Builds);
        Assert.Equal(("wharf/hello-web:1", "wharf/hello-web:3"), _h.Images.Tags[^1]);
        Assert.Contains("Using cached images of build 1 (same source and build settings)", await _h.LogAsync(third.Id));
        Assert.Equal("wharf/hello-web:3", _h.Runtime.Started[^1].Image);
    }

    [Fact]
    public async Task Deploy_BuildArgFromEnvChanged_DoesNotReuse()
    {
        const string manifest = "services:\n  web:\n    build:\n      path: .\n      args:\n        VERSION: ${VERSION}\n    port: 5000\n";
        await _h.CreateAppAsync();
        await _h.Config.ChangeAsync(DeploymentHarness.Alice, DeploymentHarness.App, new(new Dictionary<string, string> { ["VERSION"] = "1" }, null));
        await _h.DeployAsync(manifest);
        await _h.Config.ChangeAsync(DeploymentHarness.Alice, DeploymentHarness.App, new(new Dictionary<string, string> { ["VERSION"] = "2" }, null));

        await _h.DeployAsync(manifest);

        Assert.Equal(["1", "2"], _h.Images.Builds.Select(b => b.Request.Arguments["VERSION"]));
    }

    [Fact]
    public async Task Deploy_ManifestErrors_FailsWithTheirLinesAndBuildsNothing()
    {
        await _h.CreateAppAsync();

        var failed = await _h.DeployAsync("services:\n  web:\n    build: .\n    port: lots\n    replicas: 2\n");

        Assert.Equal("failed", failed.Status);
        var lines = failed.Error!.Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.All(lines, l => Assert.Matches(@"^wharf\.yml:\d+:\d+: ", l));
        Assert.StartsWith("wharf.yml:4:11: ", lines[0], StringComparison.Ordinal);
        Assert.Empty(_h.Images.Builds);
        Assert.Equal(BuildStatus.Failed, (await _h.State.Builds.GetAsync(DeploymentHarness.App, 1))!.Status);
    }

    [Fact]
    public async Task Deploy_NoManifest_SaysWhereItShouldBe()
    {
        await _h.CreateAppAsync();
        using var tar = TestTar.Create(("Dockerfile", "FROM debian\n"));

        var started = await _h.Deployments.CreateAsync(DeploymentHarness.Alice, DeploymentHarness.App, tar, digest: null);
        var failed = await _h.WaitAsync(started.Id);

        Assert.Equal("The uploaded source has no wharf.yml at its root: deploy the directory that holds it (`wharf deploy DIR`).", failed.Error);
    }

    [Fact]
    public async Task Deploy_ServiceInASubdirectory_BuildsFromThatSubtreeOnly()
    {
        const string manifest = "services:\n  api:\n    build:\n      path: ./services/api\n      dockerfile: docker/Dockerfile\n    port: 8080\n  cache:\n    image: redis:7\n";

        var done = await DeployWithFilesAsync(manifest, ("services/api/docker/Dockerfile", "FROM x\n"), ("services/api/main.py", "print()"), ("services/web/x", "y"));

        Assert.Equal("succeeded", done.Status);
        var build = Assert.Single(_h.Images.Builds);
        Assert.Equal(("docker/Dockerfile", "wharf/hello-api:1"), (build.Request.Dockerfile, build.Request.Tag));
        Assert.Equal(["docker/Dockerfile", "main.py"], build.Context.Select(e => e.Name).Where(n => !n.EndsWith('/')).Order());
        var images = (await _h.State.Builds.GetAsync(DeploymentHarness.App, 1))!.Images;
        Assert.Equal(("wharf/hello-api:1", "redis:7"), (images["api"], images["cache"]));
    }

    [Fact]
    public async Task Deploy_BuildPathMissing_FailsNamingIt()
    {
        var failed = await DeployWithFilesAsync("services:\n  api:\n    build: ./api\n");

        Assert.StartsWith("The build path './api' of service 'api' is not a directory of the uploaded source", failed.Error, StringComparison.Ordinal);
    }

    private async Task<Api.DeploymentInfo> DeployWithFilesAsync(string manifest, params (string Path, string Content)[] files)
    {
        await _h.CreateAppAsync();
        using var tar = TestTar.Create([("./", ""), ("./wharf.yml", manifest), .. files.Select(f => ("./" + f.Path, f.Content))]);
        var started = await _h.Deployments.CreateAsync(DeploymentHarness.Alice, DeploymentHarness.App, tar, digest: null);
        return await _h.WaitAsync(started.Id);
    }

    private async Task<string> ReadBlobAsync(string key)
    {
        await using var stream = await _h.Blobs.OpenReadAsync(key);
        using var reader = new StreamReader(stream!);
        return await reader.ReadToEndAsync();
    }

    public void Dispose() => _h.Dispose();
}
