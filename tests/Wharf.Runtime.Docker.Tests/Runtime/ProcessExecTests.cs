using Wharf.Core.Errors;
using Wharf.Core.Runtime;
using Wharf.Runtime.Docker.Tests.TestSupport;

namespace Wharf.Runtime.Docker.Tests.Runtime;

[Trait("Category", TestCategories.Docker)]
[Collection(RuntimeTestGroup.Name)]
public sealed class ProcessExecTests(RuntimeFixture fixture) : RuntimeTest(fixture)
{
    private const long SixtyFourMegabytes = 64L * 1024 * 1024;

    [Fact]
    public async Task ExecAsync_CommandWritesBothStreamsAndFails_StreamsTheOutputAndReturnsTheExitCode()
    {
        var process = await Runtime.StartAsync(Spec("worker", "sleep", "300"), Timeout);
        var output = new List<ProcessOutput>();

        var exitCode = await Runtime.ExecAsync(
            process.Id,
            ["sh", "-c", "echo out; sleep 0.2; echo err >&2; sleep 0.2; echo $APP; exit 5"],
            (line, _) =>
            {
                output.Add(line);
                return Task.CompletedTask;
            },
            Timeout);

        Assert.Equal(5, exitCode);
        Assert.Equal(
            [(OutputChannel.Stdout, "out"), (OutputChannel.Stderr, "err"), (OutputChannel.Stdout, App)],
            output.Select(l => (l.Stream, l.Text)));
    }

    [Fact]
    public async Task ExecAsync_ExitedProcess_SaysItIsNotRunning()
    {
        var process = await Runtime.StartAsync(Spec("worker", "true"), Timeout);
        await Runtime.WaitAsync(process.Id, Timeout);

        var error = await Assert.ThrowsAsync<ConflictException>(
            () => Runtime.ExecAsync(process.Id, ["true"], (_, _) => Task.CompletedTask, Timeout));

        Assert.Contains("is not running", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StatsAsync_RunningProcess_ReportsItsMemoryAndLimit()
    {
        var process = await Runtime.StartAsync(Spec("worker", "sleep", "300") with { MemoryBytes = SixtyFourMegabytes }, Timeout);

        var stats = await Runtime.StatsAsync(process.Id, Timeout);

        Assert.NotNull(stats);
        Assert.InRange(stats.MemoryBytes, 1, SixtyFourMegabytes);
        Assert.Equal(SixtyFourMegabytes, stats.MemoryLimitBytes);
        Assert.True(stats.CpuPercent >= 0);
    }

    [Fact]
    public async Task StatsAsync_ExitedProcess_ReturnsNull()
    {
        var process = await Runtime.StartAsync(Spec("worker", "true"), Timeout);
        await Runtime.WaitAsync(process.Id, Timeout);

        Assert.Null(await Runtime.StatsAsync(process.Id, Timeout));
    }
}
