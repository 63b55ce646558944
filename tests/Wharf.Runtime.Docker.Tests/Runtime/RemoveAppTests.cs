using System.Diagnostics;
using Wharf.Core.Runtime;
using Wharf.Runtime.Docker.Engine;
using Wharf.Runtime.Docker.Tests.TestSupport;

namespace Wharf.Runtime.Docker.Tests.Runtime;

[Trait("Category", TestCategories.Docker)]
[Collection(RuntimeTestGroup.Name)]
public sealed class RemoveAppTests(RuntimeFixture fixture) : RuntimeTest(fixture)
{
    [Fact]
    public async Task RemoveAppAsync_ProcessesOfEveryKind_RemovesThemAndTheNetwork()
    {
        await Runtime.StartAsync(Web(5000), Timeout);
        await Runtime.StartAsync(Spec("web", "sleep", "300") with { Kind = ProcessKind.OneOff }, Timeout);
        await Runtime.StartAsync(Spec("web", "sleep", "300") with { Kind = ProcessKind.Timer, Timer = "nightly" }, Timeout);
        var exited = await Runtime.StartAsync(Spec("worker", "true"), Timeout);
        await Runtime.WaitAsync(exited.Id, Timeout);
        var clock = Stopwatch.StartNew();

        await Runtime.RemoveAppAsync(App, Timeout);

        // sleep as PID 1 ignores SIGTERM: the processes are stopped together, so one grace (10 s) bounds them all.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"removing took {clock.Elapsed}");
        Assert.Empty(await Runtime.ListAsync(App, Timeout));
        Assert.Empty(await Fixture.Client.Containers.ListAsync(DockerFilters.WithLabel("wharf.app", App), ct: Timeout));
        Assert.Null(await Fixture.Client.Networks.InspectAsync($"wharf-{App}", Timeout));
    }

    [Fact]
    public async Task RemoveAppAsync_AppWithNothing_IsANoOp()
    {
        await Runtime.RemoveAppAsync(App, Timeout);

        Assert.Null(await Fixture.Client.Networks.InspectAsync($"wharf-{App}", Timeout));
    }
}
