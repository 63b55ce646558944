using System.Collections.Concurrent;
using Wharf.Core.Routing;

namespace Wharf.Core.Tests.Processes;

/// <summary>A rolling restart with the router: health-checked replacement, swap, drain, stop; one process at a time.</summary>
public sealed class RollingRestartRoutingTests : IDisposable
{
    private readonly ProcessHarness _h = new();

    [Fact]
    public async Task RestartAsync_EachProcess_ReplacementInRotationAndOldOutBeforeTheOldIsDrainedThenStopped()
    {
        await _h.DeployAsync();
        await _h.ReconcileAsync();
        var old = _h.Runtime.Running("web");
        var seen = new ConcurrentQueue<string>();
        _h.Routing.Router.Drain = (addresses, timeout) =>
        {
            var draining = old.Single(p => p.Address == Assert.Single(addresses));
            var backends = _h.Routing.Backends(ProcessHarness.App, "web")!;
            seen.Enqueue($"{draining.Id} running={_h.Runtime.IsListening(draining.Address!)} inTable={backends.Any(b => b.StartsWith(draining.Id, StringComparison.Ordinal))} "
                + $"readyOthers={backends.Count(b => b.EndsWith(" ready", StringComparison.Ordinal))} timeout={timeout.TotalSeconds}");
            return true;
        };

        Assert.True(await _h.Restart.RestartAsync(ProcessHarness.App, 1, ["web"], CancellationToken.None));

        Assert.Equal([$"{old[0].Id} running=True inTable=False readyOthers=1 timeout=30", $"{old[1].Id} running=True inTable=False readyOthers=2 timeout=30"], seen);
        Assert.Equal(old.Select(p => p.Id), _h.Runtime.Stopped);
        var now = _h.Runtime.Running("web");
        Assert.Equal(now.Select(p => $"{p.Id} ready").Order(StringComparer.Ordinal), _h.Routing.Backends(ProcessHarness.App, "web"));
        Assert.Equal(now.Select(p => p.Address!).Order(), _h.Routing.Health.Checks.Select(c => c.Address).Order());
        Assert.All(_h.Routing.Health.Checks, c => Assert.Equal(("web.hello.localhost", "/"), (c.Host, c.Path)));
    }

    [Fact]
    public async Task RestartAsync_ReplacementFailsItsHealthCheck_KeepsTheOldInRotationAndSaysWhy()
    {
        await _h.DeployAsync();
        await _h.ReconcileAsync();
        await _h.Routing.Sync.SyncAsync();
        var old = _h.Runtime.Running("web").Select(p => p.Id).ToList();
        _h.Routing.Health.Answer = (_, path) => new HealthCheckResult(false, $"GET {path} answered 404 Not Found");

        var restart = _h.Restart.RestartAsync(ProcessHarness.App, 1, ["web"], CancellationToken.None);
        while (!restart.IsCompleted)
        {
            _h.Clock.Advance(TimeSpan.FromSeconds(30));
            await Task.Delay(20);
        }

        Assert.False(await restart);
        Assert.Equal(old, _h.Runtime.Running("web").Select(p => p.Id));
        Assert.Contains(_h.Events.Lines, l => l.Contains("did not pass its health check within 65 s: GET / answered 404 Not Found.", StringComparison.Ordinal));
        await _h.Routing.Sync.SyncAsync();
        Assert.Equal(old.Order(StringComparer.Ordinal), _h.Routing.Backends(ProcessHarness.App, "web"));
        Assert.DoesNotContain(_h.Routing.Router.Calls, c => c.Kind == "drain");
    }

    [Fact]
    public async Task RestartAsync_RouterUnreachable_StillReplacesEveryProcess()
    {
        await _h.DeployAsync();
        await _h.ReconcileAsync();
        var old = _h.Runtime.Running("web").Select(p => p.Id).ToList();
        _h.Routing.Router.Failure = new HttpRequestException("Connection refused");

        Assert.True(await _h.Restart.RestartAsync(ProcessHarness.App, 1, ["web"], CancellationToken.None));

        Assert.Equal(old, _h.Runtime.Stopped);
        Assert.Equal(2, _h.Runtime.Running("web").Count);
    }

    public void Dispose() => _h.Dispose();
}
