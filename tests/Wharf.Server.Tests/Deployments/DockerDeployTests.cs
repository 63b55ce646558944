using System.Net;
using System.Net.Http.Json;
using Wharf.Core.Api;
using Wharf.Server.Tests.Infrastructure;

namespace Wharf.Server.Tests.Deployments;

/// <summary>`wharf deploy` end to end: the real server, the real Docker engine, examples/hello.</summary>
[Trait("Category", "Docker")]
public sealed class DockerDeployTests(DockerDeployFixture docker) : IClassFixture<DockerDeployFixture>
{
    private static readonly byte[] _hello = SourceTar.Pack(SourceTar.Example("hello"));

    [Fact]
    public async Task Deploy_HelloTwice_ServesEachReleaseAndReusesTheBuild()
    {
        var app = await docker.CreateAppAsync();

        var (first, firstLog) = await docker.DeployAsync(app, _hello);

        Assert.True(first.Status == "succeeded", first.Error + "\n" + string.Join('\n', firstLog));
        Assert.Equal(((int?)1, (int?)1), (first.Build, first.Release));
        Assert.Equal(1, (await docker.AppAsync(app)).CurrentRelease);
        var one = Assert.Single(await docker.ProcessesAsync(app, 1));
        Assert.Contains("\"release\": \"1\"", await DockerDeployFixture.GetAsync(one), StringComparison.Ordinal);
        Assert.Contains(firstLog, l => l.StartsWith($"web {one.Id} listening on {one.Address} after ", StringComparison.Ordinal)
            && l.EndsWith(" s; GET /health answered 200 OK", StringComparison.Ordinal));
        Assert.Contains("Router: release 1 in rotation (1 process)", firstLog);

        var (second, secondLog) = await docker.DeployAsync(app, _hello);

        Assert.True(second.Status == "succeeded", second.Error);
        Assert.Contains("Using cached images of build 1 (same source and build settings)", secondLog);
        Assert.Equal(2, (await docker.AppAsync(app)).CurrentRelease);
        var two = Assert.Single(await docker.ProcessesAsync(app, 2));
        Assert.Contains("\"release\": \"2\"", await DockerDeployFixture.GetAsync(two), StringComparison.Ordinal);
        Assert.Contains("Router: release 2 in rotation (1 process); the old ones are draining", secondLog);
        Assert.Contains(secondLog, l => l.StartsWith("Stopping 1 process of release 1 (in the background", StringComparison.Ordinal));
        Assert.Empty(await docker.WhenStoppedAsync(app, 1));
    }

    [Fact]
    public async Task Deploy_BrokenDockerfile_FailsWithTheFailingStepAndKeepsTheOldReleaseServing()
    {
        var app = await docker.CreateAppAsync();
        await docker.DeployAsync(app, _hello);
        var serving = Assert.Single(await docker.ProcessesAsync(app, 1));
        var broken = SourceTar.Pack(SourceTar.Example("hello"), new Dictionary<string, string>
        {
            ["Dockerfile"] = "FROM debian:bookworm-slim\nRUN echo compiling && no-such-compiler --all\nCMD [\"true\"]\n",
        });

        var (failed, log) = await docker.DeployAsync(app, broken);

        Assert.Equal(("failed", (int?)null), (failed.Status, failed.Release));
        Assert.StartsWith("Building web failed: ", failed.Error, StringComparison.Ordinal);
        Assert.Contains("no-such-compiler", failed.Error, StringComparison.Ordinal);
        // The engine interleaves the step's stdout and (colour-wrapped) stderr, so the echo may share a line.
        Assert.Contains(log, l => l.Contains("compiling", StringComparison.Ordinal));
        Assert.Contains("RUN echo compiling && no-such-compiler --all", failed.Error, StringComparison.Ordinal);
        var build = await HttpAssert.OkAsync<BuildInfo>(await docker.Admin.GetAsync($"/v1/apps/{app}/builds/{failed.Build}"));
        Assert.Equal(("failed", failed.Error), (build.Status, build.Error));
        var buildLog = await docker.Admin.GetStringAsync($"/v1/apps/{app}/builds/{failed.Build}/log");
        Assert.Contains("no-such-compiler", buildLog, StringComparison.Ordinal);
        Assert.Equal(1, (await docker.AppAsync(app)).CurrentRelease);
        Assert.Contains("\"release\": \"1\"", await DockerDeployFixture.GetAsync(serving), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deploy_ProcessExitsAtOnce_FailsWithExitCodeAndOutputAndKeepsTheOldReleaseServing()
    {
        var app = await docker.CreateAppAsync();
        await docker.DeployAsync(app, _hello);
        var serving = Assert.Single(await docker.ProcessesAsync(app, 1));
        var crashing = SourceTar.Pack(SourceTar.Example("hello"), new Dictionary<string, string>
        {
            ["Dockerfile"] = "FROM debian:bookworm-slim\nCMD [\"sh\", \"-c\", \"echo boom; exit 3\"]\n",
        });

        var (failed, _) = await docker.DeployAsync(app, crashing);

        Assert.Equal(("failed", (int?)2), (failed.Status, failed.Release));
        Assert.Matches(@"^web \([0-9a-f]{12}\) exited with code 3 before listening on port 5000\. Its last line:\nboom$", failed.Error);
        Assert.Equal(1, (await docker.AppAsync(app)).CurrentRelease);
        Assert.Empty(await docker.ProcessesAsync(app, 2));
        Assert.DoesNotContain(await docker.Runtime.ListAsync(app), p => p.Release == 2);
        Assert.Equal([serving.Id], (await docker.ProcessesAsync(app, 1)).Select(p => p.Id));
        Assert.Contains("\"release\": \"1\"", await DockerDeployFixture.GetAsync(serving), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Log_Follow_StreamsLinesBeforeTheDeploymentEnds()
    {
        var app = await docker.CreateAppAsync();
        var slow = SourceTar.Pack(SourceTar.Example("hello"), new Dictionary<string, string>
        {
            ["Dockerfile"] = "FROM debian:bookworm-slim\nRUN echo first-step-output && sleep 3\nCMD [\"sleep\", \"1\"]\n",
        });
        var started = await docker.StartDeployAsync(app, slow);

        using var response = await docker.Admin.GetAsync($"/v1/apps/{app}/deployments/{started.Id}/log?follow=true", HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        string? line;
        do
        {
            line = await reader.ReadLineAsync(limit.Token);
        }
        while (line is not null && !line.Contains("first-step-output", StringComparison.Ordinal));

        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(line);
        var meanwhile = await docker.Admin.GetFromJsonAsync<DeploymentInfo>($"/v1/apps/{app}/deployments/{started.Id}");
        Assert.Equal("building", meanwhile!.Status);
        var rest = await reader.ReadToEndAsync(limit.Token);
        Assert.Contains($"Deployment {started.Id} failed: ", rest, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnvChange_RunningApp_RollsOutTheNewConfigInTheBackground()
    {
        var app = await docker.CreateAppAsync();
        await docker.DeployAsync(app, _hello);

        var change = await docker.Admin.PatchAsJsonAsync($"/v1/apps/{app}/env", new EnvChangeRequest(new Dictionary<string, string> { ["GREETING"] = "Ahoy" }, null));
        var result = await HttpAssert.OkAsync<EnvChangeResult>(change, HttpStatusCode.Created);
        var (rollout, _) = await docker.FollowAsync(app, result.Deployment!.Id);

        Assert.Equal(("env", "succeeded", (int?)2), (rollout.Kind, rollout.Status, rollout.Release));
        var serving = Assert.Single(await docker.ProcessesAsync(app, 2));
        Assert.Contains("\"greeting\": \"Ahoy\"", await DockerDeployFixture.GetAsync(serving), StringComparison.Ordinal);
        Assert.Empty(await docker.WhenStoppedAsync(app, 1));
    }

    [Fact]
    public async Task Rollback_ImageNameRemovedFromTheEngine_BuildsItAgainFromTheStoredSourceAndServesTheOldRelease()
    {
        var app = await docker.CreateAppAsync();
        await docker.DeployAsync(app, _hello);
        await docker.DeployAsync(app, _hello);
        var image = $"wharf/{app}-web:1";
        await docker.Docker.Images.RemoveAsync(image);

        var promote = await docker.Admin.PostAsync(new Uri($"/v1/apps/{app}/releases/1/promote", UriKind.Relative), null);
        var started = await HttpAssert.OkAsync<DeploymentInfo>(promote, HttpStatusCode.Accepted);
        var (rollback, log) = await docker.FollowAsync(app, started.Id);

        Assert.True(rollback.Status == "succeeded", rollback.Error + "\n" + string.Join('\n', log));
        Assert.Contains(log, l => l.StartsWith($"The image {image} is gone from the engine", StringComparison.Ordinal));
        Assert.Contains($"Built {image}", log);
        Assert.Equal(1, (await docker.AppAsync(app)).CurrentRelease);
        // The first deploy's release-1 process may still be stopping behind the rollback: one is left once it is gone.
        var serving = Assert.Single(await docker.WhenRunningAsync(app, 1, count: 1));
        Assert.Contains("\"release\": \"1\"", await DockerDeployFixture.GetAsync(serving), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancel_DuringBuild_StopsTheBuildAndRecordsWhoCancelled()
    {
        var app = await docker.CreateAppAsync();
        var slow = SourceTar.Pack(SourceTar.Example("hello"), new Dictionary<string, string>
        {
            ["Dockerfile"] = "FROM debian:bookworm-slim\nRUN echo waiting && sleep 120\n",
        });
        var started = await docker.StartDeployAsync(app, slow);
        await WaitForLineAsync(app, started.Id, "waiting");

        var response = await docker.Admin.PostAsync($"/v1/apps/{app}/deployments/{started.Id}/cancel", null);

        var cancelled = await HttpAssert.OkAsync<DeploymentInfo>(response);
        Assert.Equal(("cancelled", "Cancelled by admin."), (cancelled.Status, cancelled.Error));
        Assert.Null((await docker.AppAsync(app)).CurrentRelease);
    }

    private async Task WaitForLineAsync(string app, int id, string text)
    {
        using var response = await docker.Admin.GetAsync($"/v1/apps/{app}/deployments/{id}/log?follow=true", HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (await reader.ReadLineAsync(limit.Token) is { } line)
        {
            if (line.Contains(text, StringComparison.Ordinal))
            {
                return;
            }
        }

        Assert.Fail($"The log of deployment {id} ended without '{text}'.");
    }
}
