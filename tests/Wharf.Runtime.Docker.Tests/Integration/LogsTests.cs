using System.Diagnostics;
using Wharf.Runtime.Docker.Engine.Containers;
using Wharf.Runtime.Docker.Engine.Streams;
using Wharf.Runtime.Docker.Tests.TestSupport;

namespace Wharf.Runtime.Docker.Tests.Integration;

[Trait("Category", TestCategories.Docker)]
public sealed class LogsTests(DockerEngineFixture docker) : IClassFixture<DockerEngineFixture>
{
    private static CancellationToken Timeout => new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    [Fact]
    public async Task GetLogsAsync_StdoutAndStderr_AttributesEachLineWithItsTimestamp()
    {
        var before = DateTimeOffset.UtcNow.AddSeconds(-2);
        var id = await docker.RunAsync(
            docker.Container("chatty", "sh", "-c", "echo out-1; echo err-1 >&2; echo out-2; printf 'err-2\\n' >&2"), Timeout);
        await docker.Client.Containers.WaitAsync(id, ct: Timeout);

        var lines = await docker.Client.Containers.GetLogsAsync(id, new LogsOptions { Timestamps = true }, Timeout).ToListAsync(Timeout);

        Assert.Equal(["out-1", "out-2"], lines.Where(l => l.Source == LogSource.StdOut).Select(l => l.Text));
        Assert.Equal(["err-1", "err-2"], lines.Where(l => l.Source == LogSource.StdErr).Select(l => l.Text));
        Assert.All(lines, l => Assert.InRange(l.Timestamp!.Value, before, DateTimeOffset.UtcNow.AddSeconds(2)));
    }

    [Fact]
    public async Task GetLogsAsync_FollowingARunningContainer_DeliversLinesUntilItExits()
    {
        var id = await docker.RunAsync(
            docker.Container("ticker", "sh", "-c", "sleep 0.5; for i in 1 2 3 4 5; do echo tick-$i; sleep 0.2; done"), Timeout);

        var lines = await docker.Client.Containers.GetLogsAsync(id, new LogsOptions { Follow = true }, Timeout).ToListAsync(Timeout);

        Assert.Equal(["tick-1", "tick-2", "tick-3", "tick-4", "tick-5"], lines.Select(l => l.Text));
        Assert.All(lines, l => Assert.Null(l.Timestamp));
    }

    [Fact]
    public async Task GetLogsAsync_FollowCancelled_StopsPromptly()
    {
        var id = await docker.RunAsync(docker.Container("quiet", "sh", "-c", "echo ready; sleep 300"), Timeout);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var seen = new List<string>();
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var line in docker.Client.Containers.GetLogsAsync(id, new LogsOptions { Follow = true }, cts.Token))
            {
                seen.Add(line.Text);
                cts.CancelAfter(TimeSpan.FromMilliseconds(200));
            }
        });

        Assert.Equal(["ready"], seen);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"cancellation took {clock.Elapsed}");
    }

    [Fact]
    public async Task GetLogsAsync_TailAndOneStream_ReturnsTheLastLinesOfThatStream()
    {
        // All on stderr: the engine applies tail to both streams together, in the order its copiers saw them.
        var id = await docker.RunAsync(docker.Container("tail", "sh", "-c", "for i in 1 2 3 4; do echo e$i >&2; done"), Timeout);
        await docker.Client.Containers.WaitAsync(id, ct: Timeout);

        var stderr = await docker.Client.Containers.GetLogsAsync(id, new LogsOptions { StdOut = false, Tail = 2 }, Timeout).ToListAsync(Timeout);
        var stdout = await docker.Client.Containers.GetLogsAsync(id, new LogsOptions { StdErr = false }, Timeout).ToListAsync(Timeout);

        Assert.Equal(["e3", "e4"], stderr.Select(l => l.Text));
        Assert.All(stderr, l => Assert.Equal(LogSource.StdErr, l.Source));
        Assert.Empty(stdout);
    }

    [Fact]
    public async Task GetLogsAsync_TtyContainer_ReadsTheRawStreamAsStdout()
    {
        var id = await docker.RunAsync(
            docker.Container("tty", "sh", "-c", "echo on-a-tty; echo also-stdout-on-a-tty >&2") with { Tty = true }, Timeout);
        await docker.Client.Containers.WaitAsync(id, ct: Timeout);

        var lines = await docker.Client.Containers.GetLogsAsync(id, new LogsOptions(), Timeout).ToListAsync(Timeout);

        Assert.Equal(["on-a-tty", "also-stdout-on-a-tty"], lines.Select(l => l.Text));
        Assert.All(lines, l => Assert.Equal(LogSource.StdOut, l.Source));
    }
}
