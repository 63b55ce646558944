using Wharf.Router.Health;
using Wharf.Router.Routing;

namespace Wharf.Router.Tests.Routing;

public class LiveRoutePickTests
{
    private static readonly ILiveBackend[] _none = [];

    private readonly RoutingState _state = TestRoutes.State();

    [Fact]
    public void Pick_TriedBackend_PicksAnother()
    {
        _state.Apply(TestRoutes.Table(TestRoutes.Route("web", "hello", TestRoutes.Backend("a"), TestRoutes.Backend("b"))));
        var route = _state.LiveRoute("web.hello.localhost");
        var a = _state.Live("a");

        for (var i = 0; i < 100; i++)
        {
            Assert.Equal("b", route.Pick([a])!.ProcessId);
        }
    }

    [Fact]
    public void Pick_EveryBackendTried_ReturnsNull()
    {
        _state.Apply(TestRoutes.Table(TestRoutes.Route("web", "hello", TestRoutes.Backend("a"), TestRoutes.Backend("b"))));
        var route = _state.LiveRoute("web.hello.localhost");

        Assert.Null(route.Pick([_state.Live("a"), _state.Live("b")]));
        Assert.Null(route.Pick(new HashSet<ILiveBackend> { _state.Live("a"), _state.Live("b") }));
    }

    [Fact]
    public void Pick_RouteWithoutBackends_ReturnsNull()
    {
        _state.Apply(TestRoutes.Table(TestRoutes.Route("web", "hello")));

        Assert.Null(_state.LiveRoute("web.hello.localhost").Pick(_none));
    }

    [Fact]
    public void Pick_UnhealthyBackend_IsSkipped()
    {
        _state.Apply(TestRoutes.Table(TestRoutes.Route("web", "hello", TestRoutes.Backend("a"), TestRoutes.Backend("b"))));
        var route = _state.LiveRoute("web.hello.localhost");
        _state.Live("a").RecordCheck(CheckResult.Failed("GET / answered 500"));
        _state.Live("a").RecordCheck(CheckResult.Failed("GET / answered 500"));

        for (var i = 0; i < 100; i++)
        {
            Assert.Equal("b", route.Pick(_none)!.ProcessId);
        }
    }

    [Fact]
    public void Pick_EjectedBackend_IsSkipped()
    {
        _state.Apply(TestRoutes.Table(TestRoutes.Route("web", "hello", TestRoutes.Backend("a"), TestRoutes.Backend("b"))));
        var route = _state.LiveRoute("web.hello.localhost");
        _state.Live("b").ReportFailure("connection refused");

        for (var i = 0; i < 100; i++)
        {
            Assert.Equal("a", route.Pick(_none)!.ProcessId);
        }
    }

    [Fact]
    public void Pick_ManyRequests_SpreadsThemEvenly()
    {
        _state.Apply(TestRoutes.Table(TestRoutes.Route("web", "hello",
            TestRoutes.Backend("a"), TestRoutes.Backend("b"), TestRoutes.Backend("c"), TestRoutes.Backend("d"))));
        var route = _state.LiveRoute("web.hello.localhost");
        var counts = new Dictionary<string, int>();

        for (var i = 0; i < 20_000; i++)
        {
            var id = route.Pick(_none)!.ProcessId;
            counts[id] = counts.GetValueOrDefault(id) + 1;
        }

        Assert.Equal(4, counts.Count);
        Assert.All(counts.Values, n => Assert.InRange(n, 4_000, 6_000));
    }

    [Fact]
    public void Pick_OneBackendBusy_SendsNewRequestsToTheIdleOne()
    {
        _state.Apply(TestRoutes.Table(TestRoutes.Route("web", "hello", TestRoutes.Backend("slow"), TestRoutes.Backend("fast"))));
        var route = _state.LiveRoute("web.hello.localhost");
        var slow = _state.Live("slow");
        for (var i = 0; i < 10; i++)
        {
            slow.Enter();
        }

        for (var i = 0; i < 100; i++)
        {
            Assert.Equal("fast", route.Pick(_none)!.ProcessId);
        }
    }

    [Fact]
    public void Pick_ConcurrentRequestsHeldOpen_BalancesInFlight()
    {
        _state.Apply(TestRoutes.Table(TestRoutes.Route("web", "hello",
            TestRoutes.Backend("a"), TestRoutes.Backend("b"), TestRoutes.Backend("c"))));
        var route = _state.LiveRoute("web.hello.localhost");

        // 300 requests that never finish: two choices keep the spread far tighter than random picks would.
        for (var i = 0; i < 300; i++)
        {
            route.Pick(_none)!.Enter();
        }

        Assert.All(route.Backends, b => Assert.InRange(b.InFlight, 90, 110));
    }

    [Fact]
    public void Pick_NoneInRotationButOneWaitsForItsFirstCheck_TriesThatOne()
    {
        _state.Apply(TestRoutes.Table(TestRoutes.Route("web", "hello",
            TestRoutes.Backend("down"), TestRoutes.Backend("new", ready: false))));
        _state.Live("down").ReportFailure("connection refused");

        Assert.Equal("new", _state.LiveRoute("web.hello.localhost").Pick(_none)!.ProcessId);
    }

    [Fact]
    public void Pick_NoneInRotationAndAllRefuseConnections_ReturnsNull()
    {
        _state.Apply(TestRoutes.Table(TestRoutes.Route("web", "hello", TestRoutes.Backend("a"), TestRoutes.Backend("b", ready: false))));
        _state.Live("a").ReportFailure("connection refused");
        _state.Live("b").RecordCheck(CheckResult.NotConnected("connection refused"));

        Assert.Null(_state.LiveRoute("web.hello.localhost").Pick(_none));
    }

    [Fact]
    public void Pick_InRotation_AllocatesNothing()
    {
        _state.Apply(TestRoutes.Table(TestRoutes.Route("web", "hello",
            TestRoutes.Backend("a"), TestRoutes.Backend("b"), TestRoutes.Backend("c"))));
        var route = _state.LiveRoute("web.hello.localhost");
        List<ILiveBackend> tried = [_state.Live("a")];
        route.Pick(_none);
        route.Pick(tried);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10_000; i++)
        {
            var backend = route.Pick(i % 2 == 0 ? _none : tried)!;
            backend.Enter();
            backend.Leave();
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
