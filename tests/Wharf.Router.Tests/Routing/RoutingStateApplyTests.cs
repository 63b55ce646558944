using Wharf.Core.Routing;
using Wharf.Router.Health;

using Wharf.Router.Routing;

namespace Wharf.Router.Tests.Routing;

public class RoutingStateApplyTests
{
    private readonly RoutingState _state = TestRoutes.State();

    [Fact]
    public void Apply_NewReadyBackend_InRotationAtOnce()
    {
        _state.Apply(TestRoutes.Table(TestRoutes.Route("web", "hello", TestRoutes.Backend("a", ready: true))));

        Assert.True(_state.Live("a").IsPickable);
        Assert.Equal("a", _state.Resolve("web.hello.localhost")!.Pick([])!.ProcessId);
    }

    [Fact]
    public void Apply_NewBackendNotReady_WaitsForItsFirstPassingCheck()
    {
        _state.Apply(TestRoutes.Table(TestRoutes.Route("web", "hello",
            TestRoutes.Backend("old", ready: true), TestRoutes.Backend("new", ready: false))));
        var route = _state.LiveRoute("web.hello.localhost");

        Assert.All(Enumerable.Range(0, 50), _ => Assert.Equal("old", route.Pick([])!.ProcessId));

        _state.Live("new").RecordCheck(CheckResult.Pass);

        Assert.Contains(Enumerable.Range(0, 200).Select(_ => route.Pick([])!.ProcessId), id => id == "new");
    }

    [Fact]
    public void Apply_KnownBackend_KeepsItsLiveObjectAndState()
    {
        _state.Apply(TestRoutes.Table(TestRoutes.Route("web", "hello", TestRoutes.Backend("a"), TestRoutes.Backend("b"))));
        var a = _state.Live("a");
        var b = _state.Live("b");
        a.Enter();
        b.ReportFailure("connection refused");

        // The API re-sends them: "a" as not ready (it must not lose its place), "b" as ready (it must stay ejected).
        _state.Apply(TestRoutes.Table(TestRoutes.Route("web", "hello",
            TestRoutes.Backend("a", ready: false), TestRoutes.Backend("b", ready: true), TestRoutes.Backend("c"))));

        Assert.Same(a, _state.Live("a"));
        Assert.Same(b, _state.Live("b"));
        Assert.True(a.IsPickable);
        Assert.Equal(1, a.InFlight);
        Assert.False(b.IsPickable);
        Assert.Equal("connection refused", b.ToStatus().Reason);
    }

    [Fact]
    public void Apply_SameProcessNewAddress_IsANewBackend()
    {
        _state.Apply(TestRoutes.Table(TestRoutes.Route("web", "hello", TestRoutes.Backend("a", address: "10.0.0.1:5000"))));
        var before = _state.Live("a");

        _state.Apply(TestRoutes.Table(TestRoutes.Route("web", "hello", TestRoutes.Backend("a", address: "10.0.0.2:5000"))));

        Assert.NotSame(before, _state.Live("a"));
    }

    [Fact]
    public void Apply_BackendRemoved_LeavesRotationAtOnceButKeepsCountingItsRequests()
    {
        _state.Apply(TestRoutes.Table(TestRoutes.Route("web", "hello", TestRoutes.Backend("old"))));
        var old = _state.LiveRoute("web.hello.localhost").Pick([])!;
        old.Enter();

        _state.Apply(TestRoutes.Table(TestRoutes.Route("web", "hello", TestRoutes.Backend("new"))));

        var route = _state.LiveRoute("web.hello.localhost");
        Assert.All(Enumerable.Range(0, 50), _ => Assert.Equal("new", route.Pick([])!.ProcessId));
        var draining = Assert.Single(_state.Statuses(), s => s.ProcessId == "old");
        Assert.Equal(1, draining.InFlight);
        Assert.False(draining.Healthy);
        Assert.Equal("no longer in the table: draining", draining.Reason);

        old.Leave();
        Assert.DoesNotContain(_state.Statuses(), s => s.ProcessId == "old");
    }

    [Fact]
    public void Apply_RemovedBackendComesBack_KeepsItsState()
    {
        _state.Apply(TestRoutes.Table(TestRoutes.Route("web", "hello", TestRoutes.Backend("a"))));
        var a = _state.Live("a");
        _state.Apply(TestRoutes.Table(TestRoutes.Route("web", "hello")));

        _state.Apply(TestRoutes.Table(TestRoutes.Route("web", "hello", TestRoutes.Backend("a", ready: false))));

        Assert.Same(a, _state.Live("a"));
        Assert.True(a.IsPickable);
    }

    [Fact]
    public void Apply_Restored_BackendsServeAtOnceEvenIfNotReady()
    {
        _state.Apply(TestRoutes.Table(TestRoutes.Route("web", "hello", TestRoutes.Backend("a", ready: false))), restored: true);

        Assert.True(_state.Live("a").IsPickable);
    }

    [Fact]
    public void Apply_NewTable_SwapsRoutesAsAWhole()
    {
        _state.Apply(TestRoutes.Table(TestRoutes.Route("web", "one", TestRoutes.Backend("a"))));

        _state.Apply(TestRoutes.Table(TestRoutes.Route("web", "two", TestRoutes.Backend("b"))));

        Assert.Null(_state.Resolve("web.one.localhost"));
        Assert.NotNull(_state.Resolve("web.two.localhost"));
    }

    [Fact]
    public void Apply_RouteChanged_BackendFollowsTheNewHealthSettings()
    {
        _state.Apply(TestRoutes.Table(TestRoutes.Route("web", "hello", TestRoutes.Backend("a"))));
        var changed = TestRoutes.Route("web", "hello", TestRoutes.Backend("a")) with { Health = new RouteHealth { Path = "/health" } };

        _state.Apply(TestRoutes.Table(changed));

        Assert.Equal("/health", _state.Live("a").Route.Health.Path);
    }

    [Fact]
    public void Statuses_TableBackends_NamedWithTheirRoute()
    {
        _state.Apply(TestRoutes.Table(TestRoutes.Route("web", "hello", TestRoutes.Backend("a", address: "10.0.0.9:5000"), TestRoutes.Backend("b", ready: false))));

        var statuses = _state.Statuses();

        Assert.Equal(new BackendStatus("hello", "web", "a", "10.0.0.9:5000", true, null, 0), statuses.Single(s => s.ProcessId == "a"));
        Assert.Equal("waiting for its first passing health check", statuses.Single(s => s.ProcessId == "b").Reason);
    }
}
