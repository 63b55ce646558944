using System.Collections.Concurrent;
using Wharf.Core.Routing;

namespace Wharf.Core.Tests.Deployments;

/// <summary>What a rollout does with the router: one table swap, then drain before stop; the router never blocks a deploy.</summary>
public sealed class RolloutRoutingTests : IDisposable
{
    private readonly DeploymentHarness _h = new();

    [Fact]
    public async Task Deploy_SecondRelease_OneTableSwapPutsTheNewInAndTheOldOutBeforeAnyDrain()
    {
        await _h.CreateAppAsync();
        await _h.DeployAsync();
        var old = Assert.Single(_h.Running(1));

        var done = await _h.DeployAsync(DeploymentHarness.WebManifest, ("app.py", "v2"));

        Assert.Equal("succeeded", done.Status);
        var fresh = Assert.Single(_h.Running(2));
        var calls = _h.Routing.Router.Calls.ToList();
        var swap = calls.FindIndex(c => c.Kind == "apply" && Backends(c.Table!).Any(b => b.Release == 2));
        var drain = calls.FindIndex(c => c.Kind == "drain");
        Assert.True(swap >= 0 && drain > swap, string.Join('\n', calls.Select(c => c.Kind)));
        Assert.Equal([new RouteBackend(fresh.Id, fresh.Address!, 2, Ready: true)], Backends(calls[swap].Table!));
        Assert.Equal([old.Address!], calls[drain].Addresses);
        Assert.DoesNotContain(calls.Skip(swap), c => c.Kind == "apply" && Backends(c.Table!).Any(b => b.Release == 1));
        var log = await _h.LogAsync(done.Id);
        Assert.Contains("Router: release 2 in rotation (1 process); the old ones are draining", log);
    }

    [Fact]
    public async Task Deploy_FirstRelease_SaysItIsInRotation()
    {
        await _h.CreateAppAsync();

        var done = await _h.DeployAsync();

        Assert.Contains("Router: release 1 in rotation (1 process)", await _h.LogAsync(done.Id));
        var backend = Assert.Single(Backends(_h.Routing.Router.Last!));
        Assert.True(backend.Ready);
    }

    [Fact]
    public async Task Deploy_OldProcesses_EachIsDrainedWithinItsGraceWhileStillRunningThenStopped()
    {
        await _h.CreateAppAsync();
        await _h.State.Formation.SetAsync(DeploymentHarness.App, new Dictionary<string, int> { ["web"] = 2 });
        await _h.DeployAsync();
        var old = _h.Running(1);
        var drains = new ConcurrentQueue<(string Address, TimeSpan Timeout, bool StillRunning, bool Stopped)>();
        _h.Routing.Router.Drain = (addresses, timeout) =>
        {
            var process = old.Single(p => p.Address == Assert.Single(addresses));
            drains.Enqueue((process.Address!, timeout, _h.Runtime.IsListening(process.Address!), _h.Runtime.Stopped.Contains(process.Id)));
            return true;
        };

        await _h.DeployAsync(DeploymentHarness.WebManifest, ("app.py", "v2"));

        Assert.Equal(old.Select(p => p.Address).Order(), drains.Select(d => d.Address).Order());
        Assert.All(drains, d => Assert.Equal((TimeSpan.FromSeconds(3), true, false), (d.Timeout, d.StillRunning, d.Stopped)));
        Assert.All(old, p => Assert.Contains(p.Id, _h.Runtime.Stopped));
    }

    [Fact]
    public async Task Deploy_Singleton_OldOneLeavesRotationAndIsDrainedAndStoppedBeforeTheNewStarts()
    {
        const string singleton = """
            services:
              web:
                build: .
                port: 5000
                singleton: true
                termination:
                  grace: 3s
            """;
        await _h.CreateAppAsync();
        await _h.DeployAsync(singleton);
        var old = Assert.Single(_h.Running(1));
        var drains = new ConcurrentQueue<(bool StillRunning, int Started)>();
        _h.Routing.Router.Drain = (addresses, _) =>
        {
            Assert.Equal([old.Address!], addresses);
            drains.Enqueue((_h.Runtime.IsListening(old.Address!), _h.Runtime.Started.Count));
            return true;
        };
        var callsBefore = _h.Routing.Router.Calls.Count;

        var done = await _h.DeployAsync(singleton, ("app.py", "v2"));

        Assert.Equal("succeeded", done.Status);
        Assert.Equal((true, 1), Assert.Single(drains));
        var calls = _h.Routing.Router.Calls.Skip(callsBefore).ToList();
        var drain = calls.FindIndex(c => c.Kind == "drain");
        var excluded = calls.FindIndex(c => c.Kind == "apply" && Backends(c.Table!).Count == 0);
        Assert.True(excluded >= 0 && drain > excluded, string.Join('\n', calls.Select(c => c.Kind)));
        Assert.DoesNotContain(calls.Take(drain), c => c.Kind == "apply" && Backends(c.Table!).Any(b => b.Release == 2));
        Assert.Contains(old.Id, _h.Runtime.Stopped);
        Assert.Contains(
            "Stopping 1 process of web first: it is a singleton (out of rotation, draining for up to 3 s, then stopping within 3 s)",
            await _h.LogAsync(done.Id));
    }

    [Fact]
    public async Task Deploy_DrainTimesOut_StopsTheOldProcessAnyway()
    {
        await _h.CreateAppAsync();
        await _h.DeployAsync();
        var old = Assert.Single(_h.Running(1));
        _h.Routing.Router.Drain = (_, _) => false;

        await _h.DeployAsync(DeploymentHarness.WebManifest, ("app.py", "v2"));

        Assert.Contains(_h.Routing.Router.Calls, c => c.Kind == "drain" && c.Addresses.SequenceEqual([old.Address!]));
        Assert.Contains(old.Id, _h.Runtime.Stopped);
        Assert.Empty(_h.Running(1));
    }

    [Fact]
    public async Task Deploy_RouterUnreachable_SucceedsSaysSoAndStillStopsTheOldRelease()
    {
        await _h.CreateAppAsync();
        await _h.DeployAsync();
        var old = Assert.Single(_h.Running(1));
        _h.Routing.Router.Failure = new HttpRequestException("Connection refused (/run/wharf/router.sock)");

        var done = await _h.DeployAsync(DeploymentHarness.WebManifest, ("app.py", "v2"));

        Assert.Equal(("succeeded", 2), (done.Status, await _h.CurrentReleaseAsync()));
        Assert.Contains(
            "The router did not take the route table (Connection refused (/run/wharf/router.sock)); release 2 is current all the same and reaches the router once it answers",
            await _h.LogAsync(done.Id));
        Assert.Contains(old.Id, _h.Runtime.Stopped);
        Assert.Single(_h.Running(2));
    }

    [Fact]
    public async Task Deploy_NewProcessFailsItsHealthCheck_NoTableEverHasItAndTheOldKeepsServing()
    {
        using var h = new DeploymentHarness(new() { RolloutTimeout = TimeSpan.FromMilliseconds(500), ReadinessPollInterval = TimeSpan.FromMilliseconds(10), HealthCheckRetryInterval = TimeSpan.FromMilliseconds(20) });
        await h.CreateAppAsync();
        await h.DeployAsync();
        var old = Assert.Single(h.Running(1));
        h.Routing.Health.Answer = (address, path) => address == old.Address
            ? new HealthCheckResult(true, $"GET {path} answered 200 OK")
            : new HealthCheckResult(false, $"GET {path} answered 500 Internal Server Error");

        // The reconciler's loop syncs all the while in the server: so does this one, as fast as it can.
        using var stop = new CancellationTokenSource();
        var syncing = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await h.Routing.Sync.SyncAsync();
                await Task.Delay(5);
            }
        });
        var failed = await h.DeployAsync(DeploymentHarness.WebManifest + "\n    health:\n      path: /health\n      grace: 0s\n", ("app.py", "v2"));
        await stop.CancelAsync();
        await syncing;
        await h.Routing.Sync.SyncAsync();

        Assert.Equal("failed", failed.Status);
        Assert.Matches(@"^web \([0-9a-f]{12}\) did not pass its health check within 0\.5 s: GET /health answered 500 Internal Server Error\. It wrote nothing\.$", failed.Error);
        Assert.True(h.Routing.Router.Tables.Count > 0);
        Assert.All(h.Routing.Router.Tables, t => Assert.All(Backends(t), b => Assert.Equal(old.Id, b.ProcessId)));
        Assert.DoesNotContain(h.Routing.Router.Calls, c => c.Kind == "drain");
        Assert.Equal([old.Id], h.Running(1).Select(p => p.Id));
    }

    public void Dispose() => _h.Dispose();

    private static List<RouteBackend> Backends(RouteTable table) =>
        [.. table.Routes.Where(r => r.App == DeploymentHarness.App && r.Service == "web").SelectMany(r => r.Backends)];
}
