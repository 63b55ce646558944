using Wharf.Core.Runtime;
using Wharf.Runtime.Docker.Tests.TestSupport;

namespace Wharf.Runtime.Docker.Tests.Runtime;

[Trait("Category", TestCategories.Docker)]
[Collection(RuntimeTestGroup.Name)]
public sealed class ProcessExitTests(RuntimeFixture fixture) : RuntimeTest(fixture)
{
    private const long SixteenMegabytes = 16L * 1024 * 1024;

    [Fact]
    public async Task WaitAsync_ProcessExitsWithThree_ReturnsThreeAndTheProcessShowsIt()
    {
        var process = await Runtime.StartAsync(Spec("worker", "sh", "-c", "sleep 0.5; exit 3"), Timeout);

        var exitCode = await Runtime.WaitAsync(process.Id, Timeout);

        Assert.Equal(3, exitCode);
        var exited = await Runtime.GetAsync(process.Id, Timeout);
        Assert.Equal((ProcessState.Exited, 3, false), (exited!.State, exited.ExitCode, exited.OutOfMemory));
        Assert.Null(exited.Address);
        Assert.True(exited.FinishedAt >= exited.StartedAt);
    }

    [Fact]
    public async Task WaitAsync_ProcessAllocatesPastItsMemoryLimit_IsKilledOutOfMemory()
    {
        var spec = Spec("worker", "sh", "-c", "x=$(head -c 64m /dev/zero | tr '\\0' x); echo survived") with { MemoryBytes = SixteenMegabytes };
        var process = await Runtime.StartAsync(spec, Timeout);

        var exitCode = await Runtime.WaitAsync(process.Id, Timeout);

        var killed = await Runtime.GetAsync(process.Id, Timeout);
        Assert.True(killed!.OutOfMemory);
        Assert.Equal(ProcessState.Exited, killed.State);
        Assert.Equal(137, exitCode);
    }

    [Fact]
    public async Task WaitAsync_UnknownProcess_SaysItDoesNotExist()
    {
        var error = await Assert.ThrowsAsync<Core.Errors.NotFoundException>(() => Runtime.WaitAsync("0123456789ab", Timeout));

        Assert.StartsWith("Process 0123456789ab does not exist", error.Message, StringComparison.Ordinal);
    }
}
