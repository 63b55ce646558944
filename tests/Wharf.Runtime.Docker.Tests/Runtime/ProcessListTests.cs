using Wharf.Core.Runtime;
using Wharf.Runtime.Docker.Engine.Containers;
using Wharf.Runtime.Docker.Tests.Integration;
using Wharf.Runtime.Docker.Tests.TestSupport;

namespace Wharf.Runtime.Docker.Tests.Runtime;

[Trait("Category", TestCategories.Docker)]
[Collection(RuntimeTestGroup.Name)]
public sealed class ProcessListTests(RuntimeFixture fixture) : RuntimeTest(fixture)
{
    [Fact]
    public async Task ListAsync_NewRuntimeInstance_SeesTheSameProcessesAsTheOneThatStartedThem()
    {
        var web = await Runtime.StartAsync(Web(5000), Timeout);
        var failed = await Runtime.StartAsync(Spec("worker", "sh", "-c", "exit 3"), Timeout);
        await Runtime.WaitAsync(failed.Id, Timeout);
        var before = await Runtime.ListAsync(App, Timeout);

        using var restarted = Fixture.NewRuntime();
        var after = await restarted.ListAsync(App, Timeout);

        Assert.Equal(new[] { web.Id, failed.Id }.Order(StringComparer.Ordinal), after.Select(p => p.Id).Order(StringComparer.Ordinal));
        Assert.Equal(before.Select(Comparable), after.Select(Comparable));
        var adoptedWeb = after.Single(p => p.Id == web.Id);
        Assert.Equal((ProcessState.Running, web.Address, web.StartedAt), (adoptedWeb.State, adoptedWeb.Address, adoptedWeb.StartedAt));
        var adoptedFailed = after.Single(p => p.Id == failed.Id);
        Assert.Equal((ProcessState.Exited, 3, (string?)null), (adoptedFailed.State, adoptedFailed.ExitCode, adoptedFailed.Address));
        Assert.NotNull(adoptedFailed.FinishedAt);
    }

    [Fact]
    public async Task ListAsync_ProcessExitsBetweenTwoLists_SecondListShowsHowItEnded()
    {
        var process = await Runtime.StartAsync(Spec("worker", "sh", "-c", "sleep 1; exit 4"), Timeout);
        var first = Assert.Single(await Runtime.ListAsync(App, Timeout));

        await Runtime.WaitAsync(process.Id, Timeout);
        var second = Assert.Single(await Runtime.ListAsync(App, Timeout));

        Assert.Equal((ProcessState.Running, (int?)null), (first.State, first.ExitCode));
        Assert.Equal((ProcessState.Exited, 4), (second.State, second.ExitCode));
        Assert.True(second.FinishedAt > second.StartedAt);
    }

    [Fact]
    public async Task ListAsync_OtherApp_LeavesThisAppsProcessesOut()
    {
        var process = await Runtime.StartAsync(Spec("worker", "sleep", "300"), Timeout);

        var other = await Runtime.ListAsync(RuntimeFixture.NewApp(), Timeout);
        var all = await Runtime.ListAsync(ct: Timeout);

        Assert.Empty(other);
        Assert.Contains(all, p => p.Id == process.Id && p.App == App);
    }

    [Fact]
    public async Task GetAsync_ContainerNotMadeByWharf_IsNoProcessAndStopLeavesItAlone()
    {
        var spec = new ContainerSpec
        {
            Image = DockerEngineFixture.BaseImage,
            Name = $"wharf-test-runtime-{Fixture.RunId}-{App}",
            Cmd = ["sleep", "300"],
            Labels = new Dictionary<string, string> { [DockerEngineFixture.TestLabel] = "1" },
        };
        var created = await Fixture.Client.Containers.CreateAsync(spec, Timeout);
        try
        {
            var id = created.Id[..12];

            var process = await Runtime.GetAsync(id, Timeout);
            await Runtime.StopAsync(id, TimeSpan.Zero, Timeout);
            await Runtime.RemoveAsync(id, Timeout);

            Assert.Null(process);
            Assert.NotNull(await Fixture.Client.Containers.InspectAsync(created.Id, Timeout));
        }
        finally
        {
            await Fixture.Client.Containers.RemoveAsync(created.Id, force: true, ct: Timeout);
        }
    }

    [Theory]
    [InlineData("000000000000")]
    [InlineData("../containers")]
    [InlineData("")]
    public async Task GetAsync_NoSuchId_ReturnsNull(string id) =>
        Assert.Null(await Runtime.GetAsync(id, Timeout));

    private static object Comparable(RuntimeProcess p) =>
        (p.Id, p.Service, p.Release, p.Kind, p.State, p.CreatedAt, p.StartedAt, p.FinishedAt, p.ExitCode, p.OutOfMemory, p.Address,
            string.Join(' ', p.Command ?? []));
}
