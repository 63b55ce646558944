using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using Wharf.Core.Api;
using Wharf.Core.Runtime;
using Xunit.Abstractions;

namespace Wharf.Server.Tests.Logs;

/// <summary>Apps' output collected from real containers into the log, as `wharf logs` reads it.</summary>
[Trait("Category", "Docker")]
public sealed class LogsDockerTests(LogsDockerFixture docker, ITestOutputHelper output) : IClassFixture<LogsDockerFixture>
{
    [Fact]
    public async Task Follow_LinePrintedByAProcess_ArrivesWithinASecond()
    {
        var app = await docker.CreateAppAsync();
        var deployment = await LogsDockerFixture.DeployAsync(docker.Admin, app, AppTar.Service(
            "ticker", "i=0; while true; do i=$((i+1)); echo \"tick $i $(date +%s%N)\"; sleep 0.5; done"));
        Assert.Equal("succeeded", deployment.Status);

        await using var follow = await LogFollower.OpenAsync(docker.Admin, $"/v1/apps/{app}/logs?follow=true&source=stdout&tail=1");
        var latencies = new List<TimeSpan>();
        while (latencies.Count < 10)
        {
            var (line, arrivedAt) = await follow.WaitForAsync(l => l.Text.StartsWith("tick ", StringComparison.Ordinal));
            var printedAt = DateTimeOffset.UnixEpoch.AddTicks(long.Parse(line.Text.Split(' ')[2], CultureInfo.InvariantCulture) / 100);
            latencies.Add(arrivedAt - printedAt);
        }

        // The first may be an old line (tail=1); the rest were printed while the follower waited.
        var live = latencies.Skip(1).Order().ToList();
        output.WriteLine($"print-to-follower latency over {live.Count} lines: median {live[live.Count / 2].TotalMilliseconds:0} ms, max {live[^1].TotalMilliseconds:0} ms");
        Assert.True(live[^1] < TimeSpan.FromSeconds(5), $"max latency {live[^1].TotalMilliseconds:0} ms");
        Assert.True(live[live.Count / 2] < TimeSpan.FromSeconds(1), $"median latency {live[live.Count / 2].TotalMilliseconds:0} ms");
    }

    [Fact]
    public async Task FilterAndSince_LinesOfAProcessOfAnOlderRelease_AreFoundAfterItWasReplaced()
    {
        var app = await docker.CreateAppAsync();
        await LogsDockerFixture.DeployAsync(docker.Admin, app, AppTar.Service(
            "web", "trap 'echo \"first-release stopping\"; exit 0' TERM; i=0; while true; do i=$((i+1)); echo \"first-release line $i\"; sleep 0.2 & wait $!; done"));
        await LogsDockerFixture.WaitForLinesAsync(docker.Admin, $"/v1/apps/{app}/logs?filter=first-release", lines => lines.Count >= 3);
        var first = (await docker.Runtime.ListAsync(app)).Single(p => p.Kind == ProcessKind.Service);

        var second = await LogsDockerFixture.DeployAsync(docker.Admin, app, AppTar.Service("web", "while true; do echo second-release; sleep 1; done"));
        Assert.Equal("succeeded", second.Status);
        var deadline = DateTimeOffset.UtcNow.AddSeconds(60);
        while (await docker.Runtime.GetAsync(first.Id) is not null)
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, $"The first release's process {first.Id} was not removed within 60 s.");
            await Task.Delay(250);
        }

        var dead = await LogFollower.ReadAllAsync(docker.Admin, $"/v1/apps/{app}/logs?since=10m&filter=first-release");
        Assert.True(dead.Count >= 4, $"{dead.Count} lines of the first release");
        Assert.All(dead, l => Assert.Equal(("web", first.Id, (int?)1, "stdout"), (l.Service, l.Process, l.Release, l.Source)));
        Assert.Equal("first-release stopping", dead[^1].Text);
        var numbers = dead.SkipLast(1).Select(l => int.Parse(l.Text.Split(' ')[2], CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(Enumerable.Range(1, numbers.Count), numbers);

        Assert.Equal(
            ["first-release line 2"],
            (await LogFollower.ReadAllAsync(docker.Admin, $"/v1/apps/{app}/logs?release=1&filter=line%202&since=1h")).Select(l => l.Text).Take(1));
        Assert.Empty(await LogFollower.ReadAllAsync(docker.Admin, $"/v1/apps/{app}/logs?release=2&filter=first-release"));
        Assert.Empty(await LogFollower.ReadAllAsync(docker.Admin, $"/v1/apps/{app}/logs?until=1h&filter=first-release"));
    }

    [Fact]
    public async Task FailedDeploy_ProcessCrashes_ItsLastLinesAndTheReasonAreInTheLogs()
    {
        var app = await docker.CreateAppAsync();

        var deployment = await LogsDockerFixture.DeployAsync(docker.Admin, app, AppTar.Service("web", "echo booting; echo 'fatal: DATABASE_URL is not set' >&2; exit 3"));

        Assert.Equal("failed", deployment.Status);
        var system = await LogsDockerFixture.WaitForLinesAsync(
            docker.Admin, $"/v1/logs/system?filter={Uri.EscapeDataString($"[{app}] Deployment {deployment.Id}")}", lines => lines.Any(l => l.Text.Contains(" failed: ", StringComparison.Ordinal)));
        Assert.Contains(system, l => l.Text.Contains("exited with code 3", StringComparison.Ordinal));
        var own = await LogFollower.ReadAllAsync(docker.Admin, $"/v1/apps/{app}/logs");
        Assert.Contains(own, l => l is { Source: "stderr", Text: "fatal: DATABASE_URL is not set" });
        Assert.Contains(own, l => l is { Source: "stdout", Text: "booting" });
        Assert.Contains(own, l => l.Source == "event" && l.Text.StartsWith($"Deployment {deployment.Id} (deploy) failed: ", StringComparison.Ordinal));
        Assert.Contains(own, l => l is { Source: "build", Process: "build-1", Text: "Build 1 succeeded" });
    }

    [Fact]
    public async Task Crash_ProcessDiesAndIsReplaced_ItsLastLineAndTheCrashAreInTheLog()
    {
        var app = await docker.CreateAppAsync();
        var deployment = await LogsDockerFixture.DeployAsync(docker.Admin, app, AppTar.Service(
            "worker", "echo \"started $(hostname)\"; sleep 6; echo \"dying $(hostname)\"; exit 7"));
        Assert.Equal("succeeded", deployment.Status);

        var lines = await LogsDockerFixture.WaitForLinesAsync(
            docker.Admin, $"/v1/apps/{app}/logs", lines => lines.Any(l => l.Text.Contains("crashed: exited with code 7", StringComparison.Ordinal) || l.Text.Contains("exited with code 7", StringComparison.Ordinal)), seconds: 90);

        var dying = Assert.Single(lines, l => l.Text.StartsWith("dying ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Source == "event" && l.Process == dying.Process && l.Text.Contains("exited with code 7", StringComparison.Ordinal));
        Assert.Null(await docker.Runtime.GetAsync(dying.Process!));
    }

    [Fact]
    public async Task Forward_AppPrints_LineArrivesAtTheSyslogReceiver()
    {
        var app = await docker.CreateAppAsync();
        using var receiver = new TcpListener(IPAddress.Loopback, 0);
        receiver.Start();
        var port = ((IPEndPoint)receiver.LocalEndpoint).Port;
        (await docker.Admin.PutAsJsonAsync($"/v1/apps/{app}/logs/forward", new LogForwardInfo($"tcp://127.0.0.1:{port}"))).EnsureSuccessStatusCode();

        await LogsDockerFixture.DeployAsync(docker.Admin, app, AppTar.Service("web", "while true; do echo forwarded-line; sleep 0.5; done"));

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var connection = await receiver.AcceptTcpClientAsync(timeout.Token);
        var stream = connection.GetStream();
        var received = new StringBuilder();
        var buffer = new byte[4096];
        while (!received.ToString().Contains("forwarded-line", StringComparison.Ordinal))
        {
            var read = await stream.ReadAsync(buffer, timeout.Token);
            Assert.True(read > 0, $"The connection closed; received: {received}");
            received.Append(Encoding.UTF8.GetString(buffer, 0, read));
        }

        Assert.Matches($@"<14>1 \S+ \S+ {app} [0-9a-f]{{12}} web \[wharf@32473 source=""stdout"" release=""1""\] \uFEFFforwarded-line", received.ToString());
    }
}
