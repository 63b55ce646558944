using Wharf.Core.Tests.Fakes;

namespace Wharf.Core.Tests.Processes;

public sealed class RollingRestartTests : IDisposable
{
    private readonly ProcessHarness _h = new();

    [Fact]
    public async Task StartAsync_Service_ReplacesEachProcessOneAtATime()
    {
        await _h.DeployAsync();
        await _h.ReconcileAsync();
        var old = _h.Runtime.Running("web").Select(p => p.Id).ToList();

        var info = await _h.Restart.StartAsync(CoreHarness.Alice, ProcessHarness.App, "web");
        await _h.Work.IdleAsync();

        Assert.Equal(["web"], info.Services);
        Assert.Equal(2, info.Processes);
        Assert.Equal(old, _h.Runtime.Stopped);
        var now = _h.Runtime.Running("web");
        Assert.Equal(2, now.Count);
        Assert.Empty(now.Select(p => p.Id).Intersect(old));
        Assert.Single(_h.Runtime.Running("worker"));
        Assert.DoesNotContain(_h.Events.Lines, l => l.StartsWith("failed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RestartAsync_ReplacementNeverListens_KeepsTheOldProcessAndStops()
    {
        await _h.DeployAsync();
        await _h.ReconcileAsync();
        var old = _h.Runtime.Running("web").Select(p => p.Id).ToList();
        _h.Runtime.SetBehaviour("web", FakeProcessBehaviour.Runs with { Listens = false });

        var restart = _h.Restart.RestartAsync(ProcessHarness.App, 1, ["web"], CancellationToken.None);
        while (!restart.IsCompleted)
        {
            _h.Clock.Advance(TimeSpan.FromSeconds(30));
            await Task.Delay(20);
        }

        var done = await restart;

        Assert.False(done);
        Assert.Equal(old, _h.Runtime.Running("web").Select(p => p.Id));
        Assert.Contains(_h.Events.Lines, l => l.Contains("was not listening on PORT 5000 after", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RestartAsync_ReplacementCrashes_ReportsItsExitAndLastLines()
    {
        await _h.DeployAsync();
        await _h.ReconcileAsync();
        _h.Runtime.SetBehaviour("web", FakeProcessBehaviour.Exits(1, "missing module"));

        Assert.False(await _h.Restart.RestartAsync(ProcessHarness.App, 1, ["web"], CancellationToken.None));

        Assert.Contains(_h.Events.Lines, l => l.Contains("exited with code 1 before listening on PORT 5000. Its last lines:\nmissing module", StringComparison.Ordinal));
    }

    [Fact]
    public async Task StartAsync_UnknownService_ListsTheServices()
    {
        await _h.DeployAsync();

        var error = await Assert.ThrowsAsync<Wharf.Core.Errors.WharfValidationException>(() => _h.Restart.StartAsync(CoreHarness.Alice, ProcessHarness.App, "api"));

        Assert.Equal("App 'hello' has no service 'api': its services are web, worker.", error.Message);
    }

    public void Dispose() => _h.Dispose();
}
