using Wharf.Core.Api;
using Wharf.Core.Deployments;

namespace Wharf.Core.Tests.Deployments;

public sealed class PromotionTests : IDisposable
{
    private readonly DeploymentHarness _h = new();

    [Fact]
    public async Task EnvChange_AppRunsABuild_AnswersAtOnceAndRollsOutInTheBackground()
    {
        await _h.CreateAppAsync();
        await _h.DeployAsync();
        var old = Assert.Single(_h.Running(1));

        var result = await SetAsync("GREETING", "hi");

        Assert.Equal((2, (int?)1, false), (result.Release.Version, result.Release.Build, result.Release.Current));
        Assert.NotNull(result.Deployment);
        Assert.Equal(("env", (int?)2), (result.Deployment.Kind, result.Deployment.Release));
        var done = await _h.WaitAsync(result.Deployment.Id);
        Assert.Equal("succeeded", done.Status);
        Assert.Equal(2, await _h.CurrentReleaseAsync());
        Assert.Equal("hi", Assert.Single(_h.Running(2)).Release == 2 ? _h.Runtime.Started[^1].Environment["GREETING"] : null);
        Assert.Contains(old.Id, _h.Runtime.Stopped);
    }

    [Fact]
    public async Task EnvChange_AppNeverDeployed_BecomesCurrentWithoutADeployment()
    {
        await _h.CreateAppAsync();

        var result = await SetAsync("A", "1");

        Assert.Null(result.Deployment);
        Assert.True(result.Release.Current);
        Assert.Empty(await _h.Deployments.ListAsync(DeploymentHarness.App, null));
    }

    [Fact]
    public async Task EnvChange_SetsTheMissingRequiredKey_RollsOutTheFailedDeploy()
    {
        const string manifest = "environment:\n  - SECRET_KEY\nservices:\n  web:\n    build: .\n    port: 5000\n";
        await _h.CreateAppAsync();

        var failed = await _h.DeployAsync(manifest);
        var result = await SetAsync("SECRET_KEY", "s3cret");
        var fixedUp = await _h.WaitAsync(result.Deployment!.Id);

        Assert.Equal(
            "Service 'web' of app 'hello' needs SECRET_KEY, which is not set in release 1: run `wharf env set -a hello SECRET_KEY=...`.",
            failed.Error);
        Assert.Equal(("succeeded", (int?)2), (fixedUp.Status, fixedUp.Release));
        Assert.Equal("s3cret", Assert.Single(_h.Runtime.Started).Environment["SECRET_KEY"]);
    }

    [Fact]
    public async Task EnvChange_DuringADeploy_IsNotRolledBackToTheOldBuild()
    {
        await _h.CreateAppAsync();
        await _h.DeployAsync();
        _h.Images.Gate = new TaskCompletionSource();
        var deploy = await _h.StartDeployAsync(DeploymentHarness.WebManifest, ("app.py", "v2"));
        await _h.Images.BuildStarted.Task.WaitAsync(TimeSpan.FromSeconds(10));

        var env = await SetAsync("A", "1");
        _h.Images.Gate.SetResult();
        await _h.WaitAsync(deploy.Id);
        var envDone = await _h.WaitAsync(env.Deployment!.Id);

        Assert.Equal(("queued", "succeeded"), (env.Deployment.Status, envDone.Status));
        Assert.Equal(3, await _h.CurrentReleaseAsync());
        var current = await _h.Releases.GetAsync(DeploymentHarness.App, 3);
        Assert.Equal(2, current.Build);
        Assert.Equal(["A"], current.EnvKeys);
        Assert.Contains("Nothing to roll out: release 3, already current, is newer and carries this env change", await _h.LogAsync(envDone.Id));
    }

    [Fact]
    public async Task Promote_OlderRelease_RollsBackAndAudits()
    {
        await _h.CreateAppAsync();
        await _h.DeployAsync();
        await _h.DeployAsync(DeploymentHarness.WebManifest, ("app.py", "v2"));

        var rollback = await _h.Deployments.PromoteAsync(DeploymentHarness.Alice, DeploymentHarness.App, 1);
        var done = await _h.WaitAsync(rollback.Id);

        Assert.Equal(("rollback", "succeeded", (int?)1), (done.Kind, done.Status, done.Release));
        Assert.Equal(1, await _h.CurrentReleaseAsync());
        Assert.Single(_h.Running(1));
        Assert.Empty(_h.Running(2));
        Assert.Contains(_h.State.AuditStore.All, e => e.Action == "releases.promote" && e.Target == "hello/release/1" && e.Detail == $"deployment {rollback.Id}");
    }

    [Fact]
    public async Task Promote_OlderReleaseWhoseImageWasPruned_BuildsItAgainFromItsSourceUnderTheSameNameAndRollsBack()
    {
        await _h.CreateAppAsync();
        await _h.DeployAsync(DeploymentHarness.WebManifest, ("app.py", "v1"));
        await _h.DeployAsync(DeploymentHarness.WebManifest, ("app.py", "v2"));
        _h.Images.Forget("wharf/hello-web:1");
        var buildsBefore = _h.Images.Builds.Count;

        var rollback = await _h.Deployments.PromoteAsync(DeploymentHarness.Alice, DeploymentHarness.App, 1);
        var done = await _h.WaitAsync(rollback.Id);

        Assert.Equal(("succeeded", 1), (done.Status, await _h.CurrentReleaseAsync()));
        var rebuilt = Assert.Single(_h.Images.Builds.Skip(buildsBefore));
        Assert.Equal("wharf/hello-web:1", rebuilt.Request.Tag);
        Assert.Contains(("app.py", "v1"), rebuilt.Context);
        Assert.Single(_h.Running(1));
        Assert.Equal("wharf/hello-web:1", _h.Runtime.Started[^1].Image);
        Assert.Contains(
            "The image wharf/hello-web:1 is gone from the engine (Wharf keeps the images of the newest 10 releases and 3 builds): building it again from the source of build 1",
            await _h.LogAsync(done.Id));
    }

    [Fact]
    public async Task Promote_PrunedImageFailsToBuildAgain_FailsSayingWhyAndTheCurrentReleaseKeepsRunning()
    {
        await _h.CreateAppAsync();
        await _h.DeployAsync(DeploymentHarness.WebManifest, ("app.py", "v1"));
        await _h.DeployAsync(DeploymentHarness.WebManifest, ("app.py", "v2"));
        var current = Assert.Single(_h.Running(2));
        _h.Images.Forget("wharf/hello-web:1");
        _h.Images.FailWith = _ => "the Debian mirror is unreachable";

        var rollback = await _h.Deployments.PromoteAsync(DeploymentHarness.Alice, DeploymentHarness.App, 1);
        var done = await _h.WaitAsync(rollback.Id);

        Assert.Equal(("failed", 2), (done.Status, await _h.CurrentReleaseAsync()));
        Assert.StartsWith("Building web failed: the Debian mirror is unreachable", done.Error, StringComparison.Ordinal);
        Assert.Equal([current.Id], _h.Running(2).Select(p => p.Id));
        Assert.Empty(_h.Running(1));
    }

    [Fact]
    public async Task Promote_OlderReleaseWithItsImage_BuildsNothing()
    {
        await _h.CreateAppAsync();
        await _h.DeployAsync(DeploymentHarness.WebManifest, ("app.py", "v1"));
        await _h.DeployAsync(DeploymentHarness.WebManifest, ("app.py", "v2"));
        var buildsBefore = _h.Images.Builds.Count;

        var done = await _h.WaitAsync((await _h.Deployments.PromoteAsync(DeploymentHarness.Alice, DeploymentHarness.App, 1)).Id);

        Assert.Equal("succeeded", done.Status);
        Assert.Equal(buildsBefore, _h.Images.Builds.Count);
    }

    [Fact]
    public async Task Promote_ReleaseWithoutBuild_IsCurrentAtOnce()
    {
        await _h.CreateAppAsync();
        await SetAsync("A", "1");
        await SetAsync("A", "2");

        var promoted = await _h.Deployments.PromoteAsync(DeploymentHarness.Alice, DeploymentHarness.App, 1);

        Assert.Equal(("promote", "succeeded", (int?)1), (promoted.Kind, promoted.Status, promoted.Release));
        Assert.Equal(1, await _h.CurrentReleaseAsync());
    }

    [Fact]
    public async Task Recovery_UnfinishedDeployments_AreMarkedInterrupted()
    {
        await _h.CreateAppAsync();
        var build = await _h.Recorder.InsertBuildAsync(DeploymentHarness.App);
        var building = await _h.Recorder.InsertDeploymentAsync(DeploymentHarness.App, "deploy", DeploymentStatus.Building, build.Number, null, "alice");
        var recovery = new DeploymentRecovery(_h.State, _h.Recorder, _h.Clock, Microsoft.Extensions.Logging.Abstractions.NullLogger<DeploymentRecovery>.Instance);

        Assert.Equal(1, await recovery.FailUnfinishedAsync());

        var after = await _h.Deployments.GetAsync(DeploymentHarness.App, building.Id);
        Assert.Equal(("failed", DeploymentRecovery.Interrupted), (after.Status, after.Error));
        Assert.Equal(DeploymentRecovery.Interrupted, (await _h.State.Builds.GetAsync(DeploymentHarness.App, build.Number))!.Error);
        Assert.Equal("Interrupted by a server restart: deploy (or promote) again.", DeploymentRecovery.Interrupted);
    }

    [Fact]
    public async Task DeleteApp_WithProcesses_RemovesThemFromTheRuntime()
    {
        await _h.CreateAppAsync();
        await _h.DeployAsync();

        await _h.Apps.DeleteAsync(DeploymentHarness.Alice, DeploymentHarness.App);

        Assert.Empty(_h.Runtime.Processes);
        Assert.DoesNotContain(_h.Blobs.Keys, k => k.StartsWith("apps/hello/", StringComparison.Ordinal));
    }

    private Task<EnvChangeResult> SetAsync(string key, string value) =>
        _h.Config.ChangeAsync(DeploymentHarness.Alice, DeploymentHarness.App, new(new Dictionary<string, string> { [key] = value }, null));

    public void Dispose() => _h.Dispose();
}
