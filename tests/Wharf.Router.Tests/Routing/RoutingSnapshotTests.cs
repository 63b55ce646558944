using Wharf.Router.Routing;

namespace Wharf.Router.Tests.Routing;

public class RoutingSnapshotTests
{
    private readonly RoutingState _state = TestRoutes.State();

    public RoutingSnapshotTests() =>
        _state.Apply(TestRoutes.Table(
            TestRoutes.Route("web", "hello", ["web.hello.localhost", "hello.example.com"], TestRoutes.Backend("a")),
            TestRoutes.Route("api", "hello", ["*.example.com"], TestRoutes.Backend("b")),
            TestRoutes.Route("web", "shop", ["*.shop.test"], TestRoutes.Backend("c"))));

    [Theory]
    [InlineData("web.hello.localhost", "web.hello")]
    [InlineData("hello.example.com", "web.hello")]
    [InlineData("WEB.Hello.LocalHost", "web.hello")]
    [InlineData("web.hello.localhost.", "web.hello")]
    [InlineData("api.example.com", "api.hello")]
    [InlineData("Other.EXAMPLE.com", "api.hello")]
    [InlineData("x.shop.test", "web.shop")]
    public void Resolve_KnownHost_ReturnsItsRoute(string host, string expected)
    {
        var route = _state.Resolve(host);

        Assert.NotNull(route);
        Assert.Equal(expected, $"{route.Definition.Service}.{route.Definition.App}");
    }

    [Theory]
    [InlineData("a.b.example.com")]
    [InlineData("example.com")]
    [InlineData(".example.com")]
    [InlineData("shop.test")]
    [InlineData("unknown.localhost")]
    [InlineData("web.hello.localhost:8080")]
    [InlineData("")]
    [InlineData(".")]
    public void Resolve_HostNoRouteCovers_ReturnsNull(string host) =>
        Assert.Null(_state.Resolve(host));

    [Fact]
    public void Resolve_ExactAndWildcardBothMatch_ExactWins()
    {
        // hello.example.com is both exact (web.hello) and covered by *.example.com (api.hello).
        Assert.Equal("web", _state.Resolve("hello.example.com")!.Definition.Service);
    }

    [Fact]
    public void Resolve_TwoRoutesClaimOneHost_FirstInTableServesIt()
    {
        var state = TestRoutes.State();
        state.Apply(TestRoutes.Table(
            TestRoutes.Route("web", "one", ["shared.example.com"], TestRoutes.Backend("a")),
            TestRoutes.Route("web", "two", ["shared.example.com"], TestRoutes.Backend("b"))));

        Assert.Equal("one", state.Resolve("shared.example.com")!.Definition.App);
        Assert.Single(state.Current.Conflicts);
    }

    [Fact]
    public void Resolve_AnyHost_AllocatesNothing()
    {
        string[] hosts = ["web.hello.localhost", "API.example.com", "a.b.example.com", "nope.localhost", "x.shop.test."];
        foreach (var host in hosts)
        {
            _state.Resolve(host);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10_000; i++)
        {
            _state.Resolve(hosts[i % hosts.Length]);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
