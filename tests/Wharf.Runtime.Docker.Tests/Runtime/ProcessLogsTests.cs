using Wharf.Core.Errors;
using Wharf.Core.Runtime;
using Wharf.Runtime.Docker.Tests.TestSupport;

namespace Wharf.Runtime.Docker.Tests.Runtime;

[Trait("Category", TestCategories.Docker)]
[Collection(RuntimeTestGroup.Name)]
public sealed class ProcessLogsTests(RuntimeFixture fixture) : RuntimeTest(fixture)
{
    [Fact]
    public async Task LogsAsync_ExitedProcess_ReturnsStdoutAndStderrInOrderWithTimestamps()
    {
        // The pauses keep the engine's separate stdout and stderr copiers from racing each other.
        var process = await Runtime.StartAsync(Spec("worker", "sh", "-c", "echo one; sleep 0.2; echo two >&2; sleep 0.2; echo three"), Timeout);
        await Runtime.WaitAsync(process.Id, Timeout);

        var lines = await Runtime.LogsAsync(process.Id, follow: false, ct: Timeout).ToListAsync(Timeout);

        Assert.Equal(
            [(OutputChannel.Stdout, "one"), (OutputChannel.Stderr, "two"), (OutputChannel.Stdout, "three")],
            lines.Select(l => (l.Stream, l.Text)));
        Assert.All(lines, l => Assert.NotNull(l.At));
        Assert.Equal(lines.Select(l => l.At), lines.Select(l => l.At).Order());
        Assert.InRange(lines[0].At!.Value, process.CreatedAt, DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task LogsAsync_Tail_ReturnsOnlyTheLastLines()
    {
        var process = await Runtime.StartAsync(Spec("worker", "sh", "-c", "for i in 1 2 3 4 5; do echo line$i; done"), Timeout);
        await Runtime.WaitAsync(process.Id, Timeout);

        var lines = await Runtime.LogsAsync(process.Id, follow: false, tail: 2, ct: Timeout).ToListAsync(Timeout);

        Assert.Equal(["line4", "line5"], lines.Select(l => l.Text));
    }

    [Fact]
    public async Task LogsAsync_Follow_DeliversLinesAsTheyComeUntilTheProcessExits()
    {
        var process = await Runtime.StartAsync(Spec("worker", "sh", "-c", "echo first; sleep 1; echo second >&2; sleep 1; echo third"), Timeout);

        var lines = await Runtime.LogsAsync(process.Id, follow: true, ct: Timeout).ToListAsync(Timeout);

        Assert.Equal(
            [(OutputChannel.Stdout, "first"), (OutputChannel.Stderr, "second"), (OutputChannel.Stdout, "third")],
            lines.Select(l => (l.Stream, l.Text)));
        Assert.True(lines[2].At - lines[0].At >= TimeSpan.FromSeconds(1.5), "the lines arrived as written, a second apart");
    }

    [Fact]
    public async Task LogsAsync_UnknownProcess_SaysItDoesNotExist()
    {
        var error = await Assert.ThrowsAsync<NotFoundException>(
            async () => await Runtime.LogsAsync("0123456789ab", follow: false, ct: Timeout).ToListAsync(Timeout));

        Assert.Contains("wharf ps", error.Message, StringComparison.Ordinal);
    }
}
