using System.Security.Cryptography;
using Wharf.Core.Audit;
using Wharf.Core.Builds;
using Wharf.Core.Deployments;
using Wharf.Core.Errors;

namespace Wharf.Core.Tests.Deployments;

public sealed class DeploymentServiceTests : IDisposable
{
    private readonly DeploymentHarness _h = new();

    [Fact]
    public async Task CreateAsync_Upload_StoresSourceAndDigestAndAnswersBuilding()
    {
        await _h.CreateAppAsync();
        _h.Images.Gate = new TaskCompletionSource();
        using var tar = TestTar.Create(("wharf.yml", DeploymentHarness.WebManifest), ("Dockerfile", "FROM x\n"));
        var digest = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(tar.ToArray()));

        var info = await _h.Deployments.CreateAsync(DeploymentHarness.Alice, DeploymentHarness.App, tar, digest.ToUpperInvariant().Replace("SHA256", "sha256", StringComparison.Ordinal));

        Assert.Equal((DeploymentHarness.App, 1, "deploy", "building", (int?)1, "alice"), (info.App, info.Id, info.Kind, info.Status, info.Build, info.CreatedBy));
        Assert.Contains("apps/hello/builds/1/context.tar", _h.Blobs.Keys);
        Assert.Equal(BuildStatus.Running, (await _h.State.Builds.GetAsync(DeploymentHarness.App, 1))!.Status);
        var audit = _h.State.AuditStore.All[^1];
        Assert.Equal((AuditActions.DeploymentsCreate, "hello/deployment/1", "build 1"), (audit.Action, audit.Target, audit.Detail));
        _h.Images.Gate.SetResult();
        Assert.Equal("succeeded", (await _h.WaitAsync(1)).Status);
    }

    [Fact]
    public async Task CreateAsync_DigestMismatch_Refuses400AndFailsTheBuild()
    {
        await _h.CreateAppAsync();
        using var tar = TestTar.Create(("wharf.yml", DeploymentHarness.WebManifest));

        var error = await Assert.ThrowsAsync<WharfValidationException>(() =>
            _h.Deployments.CreateAsync(DeploymentHarness.Alice, DeploymentHarness.App, tar, "sha256:" + new string('0', 64)));

        Assert.StartsWith("The uploaded source has digest sha256:", error.Message, StringComparison.Ordinal);
        Assert.Equal([ContextDigest.HeaderName], error.Errors.Keys);
        Assert.Equal(BuildStatus.Failed, (await _h.State.Builds.GetAsync(DeploymentHarness.App, 1))!.Status);
        Assert.DoesNotContain("apps/hello/builds/1/context.tar", _h.Blobs.Keys);
        Assert.Empty(await _h.Deployments.ListAsync(DeploymentHarness.App, null));
    }

    [Fact]
    public async Task CreateAsync_MalformedDigest_Refuses400BeforeReading()
    {
        await _h.CreateAppAsync();

        var error = await Assert.ThrowsAsync<WharfValidationException>(() =>
            _h.Deployments.CreateAsync(DeploymentHarness.Alice, DeploymentHarness.App, Stream.Null, "md5:abc"));

        Assert.Equal("The X-Wharf-Context-Digest header 'md5:abc' is not a digest: send \"sha256:\" and 64 hex digits, or leave the header out.", error.Message);
        Assert.Null(await _h.State.Builds.GetAsync(DeploymentHarness.App, 1));
    }

    [Fact]
    public async Task CreateAsync_TooLarge_StopsReadingAtTheLimit()
    {
        using var h = new DeploymentHarness(new DeploymentOptions { MaxContextBytes = 1024 });
        await h.CreateAppAsync();
        using var tar = TestTar.Create(("wharf.yml", DeploymentHarness.WebManifest), ("big", new string('x', 5000)));

        var error = await Assert.ThrowsAsync<ContextTooLargeException>(() => h.Deployments.CreateAsync(DeploymentHarness.Alice, DeploymentHarness.App, tar, null));

        Assert.StartsWith("The uploaded source is larger than the server's limit of 0 MiB", error.Message, StringComparison.Ordinal);
        Assert.Equal(BuildStatus.Failed, (await h.State.Builds.GetAsync(DeploymentHarness.App, 1))!.Status);
    }

    [Fact]
    public async Task CreateAsync_EmptyBody_Refuses400()
    {
        await _h.CreateAppAsync();

        var error = await Assert.ThrowsAsync<WharfValidationException>(() => _h.Deployments.CreateAsync(DeploymentHarness.Alice, DeploymentHarness.App, Stream.Null, null));

        Assert.Equal(["body"], error.Errors.Keys);
    }

    [Fact]
    public async Task CreateAsync_WhileAnotherRuns_IsQueuedAndRunsAfterIt()
    {
        await _h.CreateAppAsync();
        _h.Images.Gate = new TaskCompletionSource();
        var first = await _h.StartDeployAsync();
        await _h.Images.BuildStarted.Task.WaitAsync(TimeSpan.FromSeconds(10));

        var second = await _h.StartDeployAsync(DeploymentHarness.WebManifest, ("app.py", "v2"));

        Assert.Equal("queued", second.Status);
        Assert.Equal("queued", (await _h.Deployments.GetAsync(DeploymentHarness.App, second.Id)).Status);
        _h.Images.Gate.SetResult();
        Assert.Equal("succeeded", (await _h.WaitAsync(first.Id)).Status);
        Assert.Equal(("succeeded", (int?)2), ((await _h.WaitAsync(second.Id)).Status, (await _h.WaitAsync(second.Id)).Release));
        Assert.Equal(2, await _h.CurrentReleaseAsync());
    }

    [Fact]
    public async Task CancelAsync_DuringBuild_CancelsAndFailsTheBuild()
    {
        await _h.CreateAppAsync();
        _h.Images.Gate = new TaskCompletionSource();
        var started = await _h.StartDeployAsync();
        await _h.Images.BuildStarted.Task.WaitAsync(TimeSpan.FromSeconds(10));

        var cancelled = await _h.Deployments.CancelAsync(DeploymentHarness.Alice, DeploymentHarness.App, started.Id);

        Assert.Equal(("cancelled", "Cancelled by alice."), (cancelled.Status, cancelled.Error));
        Assert.NotNull(cancelled.FinishedAt);
        var build = await _h.State.Builds.GetAsync(DeploymentHarness.App, 1);
        Assert.Equal((BuildStatus.Failed, "Cancelled by alice."), (build!.Status, build.Error));
        Assert.Equal(AuditActions.DeploymentsCancel, _h.State.AuditStore.All.Last(e => e.Action.StartsWith("deployments.", StringComparison.Ordinal)).Action);
        Assert.Null(await _h.CurrentReleaseAsync());
        Assert.Equal("Deployment 1 cancelled: Cancelled by alice.", (await _h.LogAsync(started.Id))[^1]);
    }

    [Fact]
    public async Task CancelAsync_DuringRollout_RemovesTheNewProcesses()
    {
        await _h.CreateAppAsync();
        await _h.DeployAsync();
        _h.Runtime.Behaviour = spec => spec.Release == 2 ? Fakes.FakeProcessBehaviour.Runs with { Listens = false } : Fakes.FakeProcessBehaviour.Runs;
        var second = await _h.StartDeployAsync(DeploymentHarness.WebManifest, ("app.py", "v2"));
        await DeploymentHarness.EventuallyAsync(() => _h.Running(2).Count == 1, "the new process runs");

        var cancelled = await _h.Deployments.CancelAsync(DeploymentHarness.Alice, DeploymentHarness.App, second.Id);

        Assert.Equal(("cancelled", (int?)2), (cancelled.Status, cancelled.Release));
        Assert.Empty(_h.Runtime.Processes.Where(p => p.Release == 2).ToList());
        Assert.Single(_h.Running(1));
        Assert.Equal(1, await _h.CurrentReleaseAsync());
    }

    [Fact]
    public async Task CancelAsync_Queued_NeverRuns()
    {
        await _h.CreateAppAsync();
        _h.Images.Gate = new TaskCompletionSource();
        var first = await _h.StartDeployAsync();
        await _h.Images.BuildStarted.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var second = await _h.StartDeployAsync(DeploymentHarness.WebManifest, ("app.py", "v2"));

        var cancelled = await _h.Deployments.CancelAsync(DeploymentHarness.Alice, DeploymentHarness.App, second.Id);
        _h.Images.Gate.SetResult();
        await _h.WaitAsync(first.Id);

        Assert.Equal("cancelled", cancelled.Status);
        Assert.Equal("cancelled", (await _h.WaitAsync(second.Id)).Status);
        Assert.Single(_h.Images.Builds);
        Assert.Equal(BuildStatus.Failed, (await _h.State.Builds.GetAsync(DeploymentHarness.App, 2))!.Status);
    }

    [Fact]
    public async Task CancelAsync_Finished_Answers409()
    {
        await _h.CreateAppAsync();
        var done = await _h.DeployAsync();

        var error = await Assert.ThrowsAsync<ConflictException>(() => _h.Deployments.CancelAsync(DeploymentHarness.Alice, DeploymentHarness.App, done.Id));

        Assert.Equal("Deployment 1 of app 'hello' has already ended (succeeded): there is nothing to cancel.", error.Message);
    }

    [Fact]
    public async Task LogAsync_Follow_StreamsLinesAsTheyComeAndEndsWithTheDeployment()
    {
        await _h.CreateAppAsync();
        _h.Images.Gate = new TaskCompletionSource();
        var started = await _h.StartDeployAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await using var lines = (await _h.Deployments.LogAsync(DeploymentHarness.App, started.Id, follow: true, limit.Token)).GetAsyncEnumerator(limit.Token);

        Assert.True(await lines.MoveNextAsync());
        Assert.StartsWith("Deployment 1 by alice: received the source (", lines.Current, StringComparison.Ordinal);
        var seen = new List<string>();
        while (await lines.MoveNextAsync())
        {
            seen.Add(lines.Current);
            if (lines.Current.StartsWith("Step 1/2", StringComparison.Ordinal))
            {
                _h.Images.Gate.SetResult();
            }
        }

        Assert.Equal("Deployment 1 succeeded: release 1 is current", seen[^1]);
        Assert.Contains("Step 2/2 : RUN make", seen);
    }

    [Fact]
    public async Task GetAsync_Missing_SaysHowToList()
    {
        await _h.CreateAppAsync();

        var error = await Assert.ThrowsAsync<NotFoundException>(() => _h.Deployments.GetAsync(DeploymentHarness.App, 4));

        Assert.Equal("Deployment 4 of app 'hello' does not exist: run `wharf deployments -a hello` to see its deployments.", error.Message);
    }

    public void Dispose() => _h.Dispose();
}
