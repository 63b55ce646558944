using Wharf.Core.Routing;
using Wharf.Core.Runtime;
using Wharf.Core.Tests.Processes;

namespace Wharf.Core.Tests.Routing;

public sealed class RouteTableBuilderTests : IDisposable
{
    private const string Manifest = """
        services:
          web:
            image: example/web:1
            port: 5000
            scale: 2
            domain:
              - www.Example.com
              - "*.example.org"
            health:
              path: /health
              interval: 10s
              timeout: 3s
            timeout: 90s
          api:
            image: example/api:1
            port: 7000
            internal: true
          worker:
            image: example/worker:1
        """;

    private readonly ProcessHarness _h = new();

    [Fact]
    public async Task BuildAsync_PublicServiceWithPort_RoutesItsDefaultHostAndDomainsOnly()
    {
        await _h.DeployAsync(Manifest);
        await _h.ReconcileAsync();

        var table = await _h.Routing.Builder.BuildAsync();

        var route = Assert.Single(table.Routes);
        Assert.Equal(("hello", "web", 1), (route.App, route.Service, route.Release));
        Assert.Equal(["web.hello.localhost", "*.example.org", "www.example.com"], route.Hosts);
        Assert.Equal(TimeSpan.FromSeconds(90), route.Timeout);
        Assert.Equal(new RouteHealth { Path = "/health", Interval = TimeSpan.FromSeconds(10), Timeout = TimeSpan.FromSeconds(3) }, route.Health);
        var webs = _h.Runtime.Running("web").OrderBy(p => p.Id, StringComparer.Ordinal).ToList();
        Assert.Equal(webs.Select(p => new RouteBackend(p.Id, p.Address!, 1, Ready: false)), route.Backends);
    }

    [Fact]
    public async Task BuildAsync_BaseDomainSet_DefaultHostUsesIt()
    {
        using var h = new ProcessHarness(new RoutingOptions { BaseDomain = "Apps.Example.NET" });
        await h.DeployAsync(Manifest);

        var table = await h.Routing.Builder.BuildAsync();

        Assert.Equal("web.hello.apps.example.net", Assert.Single(table.Routes).Hosts[0]);
    }

    [Fact]
    public async Task BuildAsync_NewReleaseCurrentBeforeItsProcessesRun_HasNoBackendsOfTheOldRelease()
    {
        await _h.DeployAsync(Manifest);
        await _h.ReconcileAsync();
        await _h.DeployAsync(Manifest, build: 2);

        var before = Assert.Single((await _h.Routing.Builder.BuildAsync()).Routes);
        await _h.ReconcileAsync();
        var after = Assert.Single((await _h.Routing.Builder.BuildAsync()).Routes);

        Assert.Equal((2, 0), (before.Release, before.Backends.Count));
        Assert.Equal(2, after.Backends.Count);
        Assert.All(after.Backends, b => Assert.Equal(2, b.Release));
    }

    [Fact]
    public async Task BuildAsync_ExitedOneOffAndTimerProcesses_AreNotBackends()
    {
        await _h.DeployAsync(Manifest);
        await _h.ReconcileAsync();
        var snapshot = (await _h.Loader.CurrentAsync(ProcessHarness.App))!;
        await _h.Runtime.StartAsync(snapshot.Spec("web", ProcessKind.OneOff, command: ["sh"]));
        await _h.Runtime.StartAsync(snapshot.Spec("web", ProcessKind.Timer, "report"));
        var crashed = _h.Runtime.Running("web").First(p => p.Kind == ProcessKind.Service);
        _h.Runtime.MarkExited(crashed.Id, 1);

        var route = Assert.Single((await _h.Routing.Builder.BuildAsync()).Routes);

        var live = Assert.Single(_h.Runtime.Running("web"), p => p.Kind == ProcessKind.Service);
        Assert.Equal([live.Id], route.Backends.Select(b => b.ProcessId));
    }

    [Fact]
    public async Task BuildAsync_ReadyAndDrainingProcesses_AreMarkedReadyAndLeftOut()
    {
        await _h.DeployAsync(Manifest);
        await _h.ReconcileAsync();
        var webs = _h.Runtime.Running("web");
        _h.Routing.Ready.Add(webs[0].Id);
        _h.Routing.Draining.Add(webs[1].Id);

        var route = Assert.Single((await _h.Routing.Builder.BuildAsync()).Routes);

        Assert.Equal([new RouteBackend(webs[0].Id, webs[0].Address!, 1, Ready: true)], route.Backends);
    }

    [Fact]
    public async Task BuildAsync_ProcessesGone_ForgetsThemAsReadyAndDraining()
    {
        await _h.DeployAsync(Manifest);
        await _h.ReconcileAsync();
        var webs = _h.Runtime.Running("web");
        _h.Routing.Ready.Add(webs[0].Id);
        _h.Routing.Draining.Add(webs[1].Id);
        await _h.Runtime.StopAsync(webs[0].Id, TimeSpan.Zero);
        await _h.Runtime.StopAsync(webs[1].Id, TimeSpan.Zero);

        await _h.Routing.Builder.BuildAsync();

        Assert.Equal((0, 0), (_h.Routing.Ready.Count, _h.Routing.Draining.Count));
    }

    [Fact]
    public async Task BuildAsync_SameState_GivesEqualSortedTables()
    {
        await _h.DeployAsync("services:\n  site:\n    image: example/site:1\n    port: 80\n  admin:\n    image: example/admin:1\n    port: 81\n", app: "alpha");
        await _h.DeployAsync(Manifest.Replace("scale: 2", "scale: 3", StringComparison.Ordinal));
        await _h.ReconcileAsync();

        var first = await _h.Routing.Builder.BuildAsync();
        var second = await _h.Routing.Builder.BuildAsync();

        Assert.True(RouteTableComparer.Instance.Equals(first, second));
        Assert.NotSame(first, second);
        Assert.Equal(["alpha/admin", "alpha/site", "hello/web"], first.Routes.Select(r => $"{r.App}/{r.Service}"));
        var ids = first.Routes[2].Backends.Select(b => b.ProcessId).ToList();
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
        Assert.Equal(3, ids.Count);
    }

    [Fact]
    public async Task BuildAsync_AppWithoutCurrentRelease_HasNoRoutes()
    {
        await _h.Core.CreateAppAsync(ProcessHarness.App);

        var table = await _h.Routing.Builder.BuildAsync();

        Assert.Empty(table.Routes);
    }

    public void Dispose() => _h.Dispose();
}
