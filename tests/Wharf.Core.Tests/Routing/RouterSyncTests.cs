using Wharf.Core.Routing;
using Wharf.Core.Tests.Processes;

namespace Wharf.Core.Tests.Routing;

public sealed class RouterSyncTests : IDisposable
{
    private const string Manifest = "services:\n  web:\n    image: example/web:1\n    port: 5000\n    scale: 2\n";

    private readonly ProcessHarness _h = new(new RoutingOptions { SyncInterval = TimeSpan.FromHours(1) });

    [Fact]
    public async Task SyncAsync_StateUnchanged_AppliesTheTableOnce()
    {
        await _h.DeployAsync(Manifest);
        await _h.ReconcileAsync();

        await _h.Routing.Sync.SyncAsync();
        await _h.Routing.Sync.SyncAsync();
        await _h.Routing.Sync.SyncAsync();

        var table = Assert.Single(_h.Routing.Router.Tables);
        Assert.Equal(2, Assert.Single(table.Routes).Backends.Count);
    }

    [Fact]
    public async Task SyncAsync_StateChanged_AppliesTheNewTable()
    {
        await _h.DeployAsync(Manifest);
        await _h.Routing.Sync.SyncAsync();

        await _h.ReconcileAsync();
        await _h.Routing.Sync.SyncAsync();
        _h.Routing.Ready.Add(_h.Runtime.Running("web")[0].Id);
        await _h.Routing.Sync.SyncAsync();

        Assert.Equal([0, 2, 2], _h.Routing.Router.Tables.Select(t => t.Routes[0].Backends.Count));
        Assert.Equal([0, 1], _h.Routing.Router.Tables.Skip(1).Select(t => t.Routes[0].Backends.Count(b => b.Ready)));
    }

    [Fact]
    public async Task SyncAsync_RouterAway_ThrowsWithTheReasonAndAppliesAgainOnceBack()
    {
        await _h.DeployAsync(Manifest);
        await _h.ReconcileAsync();
        _h.Routing.Router.Failure = new HttpRequestException("Connection refused (/run/wharf/router.sock)");

        var first = await Assert.ThrowsAsync<RouterSyncException>(() => _h.Routing.Sync.SyncAsync());
        await Assert.ThrowsAsync<RouterSyncException>(() => _h.Routing.Sync.SyncAsync());
        _h.Routing.Router.Failure = null;
        await _h.Routing.Sync.SyncAsync();
        await _h.Routing.Sync.SyncAsync();

        Assert.Equal("The router did not take the route table (Connection refused (/run/wharf/router.sock))", first.Message);
        Assert.Equal(["apply failed", "apply failed", "apply"], _h.Routing.Router.Calls.Select(c => c.Failed ? $"{c.Kind} failed" : c.Kind));
        Assert.Equal(2, Assert.Single(_h.Routing.Router.Tables).Routes[0].Backends.Count);
        Assert.Equal(
            [
                "Warning: Could not update the router's route table; it keeps serving the last one it took until an update succeeds",
                "Information: The router took the route table again (1 routes)",
            ],
            _h.Routing.Log.Entries);
    }

    [Fact]
    public async Task SyncAsync_SyncIntervalPassed_AppliesTheSameTableAgain()
    {
        using var h = new ProcessHarness(new RoutingOptions { SyncInterval = TimeSpan.FromMilliseconds(1) });
        await h.DeployAsync(Manifest);
        await h.ReconcileAsync();

        await h.Routing.Sync.SyncAsync();
        await Task.Delay(20);
        await h.Routing.Sync.SyncAsync();

        Assert.Equal(2, h.Routing.Router.Tables.Count);
        Assert.True(RouteTableComparer.Instance.Equals(h.Routing.Router.Tables[0], h.Routing.Router.Tables[1]));
    }

    [Fact]
    public async Task SyncAsync_ManyAtOnce_AppliesOneAtATime()
    {
        await _h.DeployAsync(Manifest);
        await _h.ReconcileAsync();
        var running = 0;
        var overlapped = false;
        _h.Routing.Router.BeforeApply = async () =>
        {
            overlapped |= Interlocked.Increment(ref running) > 1;
            await Task.Delay(20);
            Interlocked.Decrement(ref running);
        };
        var webs = _h.Runtime.Running("web");

        await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(async () =>
        {
            _h.Routing.Ready.Add(webs[i % 2].Id);
            await _h.Routing.Sync.SyncAsync();
        })));

        Assert.False(overlapped);
        Assert.InRange(_h.Routing.Router.Tables.Count, 1, 3);
        Assert.All(_h.Routing.Router.Last!.Routes[0].Backends, b => Assert.True(b.Ready));
    }

    [Fact]
    public async Task ExcludeAsync_Process_LeavesItOutOfTheTableFromNowOn()
    {
        await _h.DeployAsync(Manifest);
        await _h.ReconcileAsync();
        var webs = _h.Runtime.Running("web");
        await _h.Routing.Sync.SyncAsync();

        await _h.Routing.Sync.ExcludeAsync([webs[0].Id]);
        await _h.Routing.Sync.SyncAsync();

        Assert.Equal([webs[1].Id], _h.Routing.Backends(ProcessHarness.App, "web"));
        Assert.Equal(2, _h.Routing.Router.Tables.Count);
    }

    [Fact]
    public async Task SyncAsync_ReleaseWithoutRoutes_RemovesTheAppsRoute()
    {
        await _h.DeployAsync(Manifest);
        await _h.Routing.Sync.SyncAsync();

        await _h.DeployAsync("services:\n  worker:\n    image: example/worker:1\n", build: 2);
        await _h.Routing.Sync.SyncAsync();

        Assert.Equal([1, 0], _h.Routing.Router.Tables.Select(t => t.Routes.Count));
    }

    public void Dispose() => _h.Dispose();
}
