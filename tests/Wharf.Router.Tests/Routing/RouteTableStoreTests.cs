using System.Runtime.Versioning;
using Microsoft.Extensions.Logging.Abstractions;
using Wharf.Core.Errors;
using Wharf.Core.Routing;
using Wharf.Router.Routing;

namespace Wharf.Router.Tests.Routing;

[SupportedOSPlatform("linux")]
public sealed class RouteTableStoreTests : IDisposable
{
    private readonly TempDirectory _data = new();
    private readonly RouterOptions _options;

    public RouteTableStoreTests() => _options = TestRoutes.Options(_data.Path);

    public void Dispose() => _data.Dispose();

    private (RouteTableStore Store, RoutingState State) NewRouter()
    {
        var state = new RoutingState(_options, TimeProvider.System, NullLogger<RoutingState>.Instance);
        var file = new RouteTableFile(_options, NullLogger<RouteTableFile>.Instance);
        return (new RouteTableStore(state, file, NullLogger<RouteTableStore>.Instance), state);
    }

    private static RouteTable Sample() => TestRoutes.Table(
        TestRoutes.Route("web", "hello", ["web.hello.localhost", "*.hello.test"], TestRoutes.Backend("a", ready: false, address: "10.0.0.1:5000")) with
        {
            Timeout = TimeSpan.FromSeconds(30),
            Health = new RouteHealth { Path = "/health", Interval = TimeSpan.FromSeconds(2), Timeout = TimeSpan.FromMilliseconds(1500) },
        });

    [Fact]
    public void Apply_Table_SavedAndServedByTheNextRouterAtOnce()
    {
        var (store, _) = NewRouter();
        store.Apply(Sample());

        var (restarted, state) = NewRouter();

        Assert.Equivalent(Sample(), restarted.Table, strict: true);
        var route = state.Resolve("x.hello.test");
        Assert.NotNull(route);
        Assert.Equal(TimeSpan.FromMilliseconds(1500), route.Definition.Health.Timeout);
        // It was serving before the restart: in rotation although the API never said it was ready.
        Assert.Equal("a", route.Pick([])!.ProcessId);
    }

    [Fact]
    public void Apply_Table_FileIsOwnerOnlyJsonWithNoTemporaryLeft()
    {
        var (store, _) = NewRouter();

        store.Apply(Sample());
        store.Apply(Sample());

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_options.TablePath));
        Assert.Equal([_options.TablePath], Directory.GetFiles(_options.RouterDirectory));
        var json = File.ReadAllText(_options.TablePath);
        Assert.Contains("\"hosts\"", json, StringComparison.Ordinal);
        Assert.Contains("\"00:00:30\"", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"routes\": [")]
    [InlineData("not json at all")]
    [InlineData("{\"routes\": [{\"app\": \"hello\"}]}")]
    [InlineData("{\"routes\": [{\"app\": \"hello\", \"service\": \"web\", \"release\": 1, \"hosts\": [\"bad host\"]}]}")]
    [InlineData("")]
    public void New_CorruptFile_StartsEmpty(string content)
    {
        Directory.CreateDirectory(_options.RouterDirectory);
        File.WriteAllText(_options.TablePath, content);

        var (store, state) = NewRouter();

        Assert.Empty(store.Table.Routes);
        Assert.Empty(state.Current.Routes);
    }

    [Fact]
    public void New_NoFile_StartsEmpty()
    {
        var (store, _) = NewRouter();

        Assert.Same(RouteTable.Empty, store.Table);
    }

    [Fact]
    public void Apply_InvalidTable_RefusedAndNothingChanges()
    {
        var (store, state) = NewRouter();
        store.Apply(Sample());
        var invalid = TestRoutes.Table(TestRoutes.Route("web", "other", ["other.localhost"], TestRoutes.Backend("b", address: "nowhere")));

        var e = Assert.Throws<WharfValidationException>(() => store.Apply(invalid));

        Assert.Contains("has address 'nowhere': use IP:PORT", e.Message, StringComparison.Ordinal);
        Assert.NotNull(state.Resolve("web.hello.localhost"));
        Assert.Equivalent(Sample(), NewRouter().Store.Table, strict: true);
    }
}
