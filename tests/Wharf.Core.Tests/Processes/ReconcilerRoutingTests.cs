using System.Collections.Concurrent;

namespace Wharf.Core.Tests.Processes;

/// <summary>What the reconciler does with the router: processes it stops leave the table, are drained, then stopped.</summary>
public sealed class ReconcilerRoutingTests : IDisposable
{
    private readonly ProcessHarness _h = new();

    [Fact]
    public async Task ReconcileAppAsync_FormationLowered_TakesTheExtraOutOfTheTableDrainsThenStopsIt()
    {
        await _h.DeployAsync();
        await _h.ReconcileAsync();
        await _h.Routing.Sync.SyncAsync();
        var webs = _h.Runtime.Running("web");
        var drains = WatchDrains();
        await _h.Core.State.Formation.SetAsync(ProcessHarness.App, new Dictionary<string, int> { ["web"] = 1 });

        await _h.ReconcileAsync();

        Assert.Equal([$"{webs[1].Id} running=True inTable=False"], drains);
        Assert.Equal([webs[0].Id], _h.Routing.Backends(ProcessHarness.App, "web"));
        Assert.Contains(webs[1].Id, _h.Runtime.Stopped);
    }

    [Fact]
    public async Task ReconcileAppAsync_NewReleaseWithoutRollout_DrainsTheOldReleaseOutOfRotation()
    {
        await _h.DeployAsync();
        await _h.ReconcileAsync();
        await _h.Routing.Sync.SyncAsync();
        var old = _h.Runtime.Running("web");
        var drains = WatchDrains();

        await _h.DeployAsync(build: 2);
        await _h.ReconcileAsync();

        Assert.Equal(old.Select(p => $"{p.Id} running=True inTable=False").Order(), drains.Order());
        var now = _h.Runtime.Running("web");
        Assert.Equal(now.Select(p => p.Id).Order(StringComparer.Ordinal), _h.Routing.Backends(ProcessHarness.App, "web"));
    }

    [Fact]
    public async Task ReconcileAppAsync_CrashedProcessRestarted_ReachesTheTableNotReady()
    {
        await _h.DeployAsync();
        await _h.ReconcileAsync();
        var webs = _h.Runtime.Running("web");
        _h.Routing.Ready.Add(webs[0].Id);
        _h.Routing.Ready.Add(webs[1].Id);
        _h.Runtime.MarkExited(webs[0].Id, 1);

        await _h.ReconcileAsync();
        await _h.ReconcileAsync(TimeSpan.FromSeconds(2));
        await _h.Routing.Sync.SyncAsync();

        var replacement = Assert.Single(_h.Runtime.Running("web"), p => p.Id != webs[1].Id);
        Assert.Equal(new[] { $"{webs[1].Id} ready", replacement.Id }.Order(StringComparer.Ordinal), _h.Routing.Backends(ProcessHarness.App, "web"));
    }

    [Fact]
    public async Task ReconcileAppAsync_RouterUnreachable_StillStopsExtras()
    {
        await _h.DeployAsync();
        await _h.ReconcileAsync();
        var webs = _h.Runtime.Running("web");
        _h.Routing.Router.Failure = new HttpRequestException("Connection refused");
        await _h.Core.State.Formation.SetAsync(ProcessHarness.App, new Dictionary<string, int> { ["web"] = 1 });

        await _h.ReconcileAsync();

        Assert.Equal([webs[0].Id], _h.Runtime.Running("web").Select(p => p.Id));
    }

    public void Dispose() => _h.Dispose();

    /// <summary>Each drain as "ID running=BOOL inTable=BOOL": whether the process still ran and was in the router's last table then.</summary>
    private ConcurrentQueue<string> WatchDrains()
    {
        var drains = new ConcurrentQueue<string>();
        _h.Routing.Router.Drain = (addresses, _) =>
        {
            var process = _h.Runtime.Processes.Single(p => p.Address == Assert.Single(addresses));
            var inTable = _h.Routing.Router.Last?.Routes.Any(r => r.Backends.Any(b => b.ProcessId == process.Id)) ?? false;
            drains.Enqueue($"{process.Id} running={_h.Runtime.IsListening(process.Address!)} inTable={inTable}");
            return true;
        };
        return drains;
    }
}
