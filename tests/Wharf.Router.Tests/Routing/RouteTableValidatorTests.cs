using Wharf.Core.Errors;
using Wharf.Core.Routing;
using Wharf.Router.Routing;

namespace Wharf.Router.Tests.Routing;

public class RouteTableValidatorTests
{
    [Theory]
    [InlineData("web.hello.localhost")]
    [InlineData("*.example.com")]
    [InlineData("localhost")]
    [InlineData("Web.Hello.Example.COM")]
    [InlineData("a-b.c_d.example.com.")]
    public void IsHostPattern_HostName_True(string host) => Assert.True(RouteTableValidator.IsHostPattern(host));

    [Theory]
    [InlineData("")]
    [InlineData("*")]
    [InlineData("*.")]
    [InlineData("a.*.example.com")]
    [InlineData("**.example.com")]
    [InlineData("web.hello.localhost:8080")]
    [InlineData("http://web.hello.localhost")]
    [InlineData("web..localhost")]
    [InlineData("-web.localhost")]
    [InlineData("web hello")]
    public void IsHostPattern_NotAHostName_False(string host) => Assert.False(RouteTableValidator.IsHostPattern(host));

    [Theory]
    [InlineData("172.18.0.3:5000")]
    [InlineData("[::1]:8080")]
    [InlineData("web-1:80")]
    public void IsAddress_HostAndPort_True(string address) => Assert.True(RouteTableValidator.IsAddress(address));

    [Theory]
    [InlineData("172.18.0.3")]
    [InlineData("172.18.0.3:0")]
    [InlineData("172.18.0.3:70000")]
    [InlineData("::1:80")]
    [InlineData(":80")]
    [InlineData("http://172.18.0.3:80")]
    public void IsAddress_NotHostAndPort_False(string address) => Assert.False(RouteTableValidator.IsAddress(address));

    [Fact]
    public void ThrowIfInvalid_SeveralProblems_ReportsEveryOneWhereItIs()
    {
        var table = TestRoutes.Table(
            TestRoutes.Route("web", "hello", [], TestRoutes.Backend("a", address: "nowhere")) with
            {
                Health = new RouteHealth { Path = "health", Interval = TimeSpan.Zero },
            },
            TestRoutes.Route("api", "hello", ["ok.localhost", "bad:80"]));

        var e = Assert.Throws<WharfValidationException>(() => RouteTableValidator.ThrowIfInvalid(table));

        Assert.Equal(
            ["routes[0].hosts", "routes[0].health.path", "routes[0].health.interval", "routes[0].backends[0].address", "routes[1].hosts[1]"],
            e.Errors.Keys);
        Assert.StartsWith("The request has 5 problems:", e.Message, StringComparison.Ordinal);
        Assert.Contains("Route web.hello has no host names", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ThrowIfInvalid_EmptyTable_IsFine() => RouteTableValidator.ThrowIfInvalid(RouteTable.Empty);
}
