using Microsoft.Extensions.Logging.Abstractions;
using Wharf.Core.Routing;
using Wharf.Router.Health;
using Wharf.Router.Routing;
using Wharf.Router.Tests.Routing;

using Wharf.Router.Tests.Support;

namespace Wharf.Router.Tests.Health;

/// <summary>The checker running for real against real HTTP backends, with short intervals.</summary>
public sealed class HealthCheckServiceTests : IAsyncLifetime
{
    private static readonly RouteHealth _fast = new() { Path = "/health", Interval = TimeSpan.FromMilliseconds(100), Timeout = TimeSpan.FromSeconds(2) };

    /// <summary>So long that passing a test proves the quick path for new or failing backends, not the interval.</summary>
    private static readonly RouteHealth _slow = new() { Path = "/health", Interval = TimeSpan.FromMinutes(5), Timeout = TimeSpan.FromSeconds(2) };

    private TempDirectory Data { get; } = new();
    private RoutingState _state = null!;
    private RouteTableStore _store = null!;
    private BackendProbe Probe { get; set; } = null!;
    private HealthCheckService Checks { get; set; } = null!;
    private ScriptedBackend _backend = null!;

    public async Task InitializeAsync()
    {
        var options = TestRoutes.Options(Data.Path, coolOff: TimeSpan.FromMilliseconds(500));
        _state = new RoutingState(options, TimeProvider.System, NullLogger<RoutingState>.Instance);
        _store = new RouteTableStore(_state, new RouteTableFile(options, NullLogger<RouteTableFile>.Instance), NullLogger<RouteTableStore>.Instance);
        Probe = new BackendProbe(options);
        Checks = new HealthCheckService(_store, _state, Probe, TimeProvider.System, NullLogger<HealthCheckService>.Instance);
        _backend = await ScriptedBackend.StartAsync();
        await Checks.StartAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await Checks.StopAsync(CancellationToken.None);
        Checks.Dispose();
        Probe.Dispose();
        await _backend.DisposeAsync();
        Data.Dispose();
    }

    private LiveBackend Serve(RouteHealth health, bool ready, string? address = null)
    {
        var route = TestRoutes.Route("web", "hello", TestRoutes.Backend("p1", ready, address ?? _backend.Address)) with { Health = health };
        _store.Apply(TestRoutes.Table(route));
        return _state.Live("p1");
    }

    [Fact]
    public async Task Checks_Answers200Then404Then200_LeavesRotationWithTheReasonAndComesBack()
    {
        var backend = Serve(_fast, ready: true);
        await Eventually.TrueAsync(() => _backend.Requests >= 2, "two passing checks");
        Assert.True(backend.IsPickable);

        _backend.Status = 404;
        await Eventually.TrueAsync(() => !backend.IsPickable, "the backend to leave rotation");
        Assert.Equal("GET /health answered 404", backend.ToStatus().Reason);
        Assert.Null(_state.LiveRoute("web.hello.localhost").Pick([_state.Live("p1")]));

        _backend.Status = 200;
        await Eventually.TrueAsync(() => backend.IsPickable, "the backend to come back");
        Assert.Null(backend.ToStatus().Reason);
    }

    [Fact]
    public async Task Checks_NewBackendNotReady_CheckedAtOnceAndInRotationWhenItPasses()
    {
        var backend = Serve(_slow, ready: false);

        await Eventually.TrueAsync(() => backend.IsPickable, "the first passing check", TimeSpan.FromSeconds(10));
        Assert.Contains("GET /health for web.hello.localhost", _backend.Seen);
    }

    [Fact]
    public async Task Checks_NewBackendNotReadyYet_CheckedQuicklyUntilItPasses()
    {
        _backend.Status = 503;
        var backend = Serve(_slow, ready: false);
        await Eventually.TrueAsync(() => _backend.Requests >= 3, "three quick checks of a backend that is not ready yet", TimeSpan.FromSeconds(10));
        Assert.False(backend.IsPickable);
        Assert.Equal("GET /health answered 503", backend.ToStatus().Reason);

        _backend.Status = 200;

        await Eventually.TrueAsync(() => backend.IsPickable, "the backend to enter rotation", TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Checks_SlowerThanTheTimeout_OutOfRotationSayingItTimedOut()
    {
        _backend.Delay = TimeSpan.FromSeconds(30);
        var backend = Serve(_slow with { Timeout = TimeSpan.FromMilliseconds(200) }, ready: false);

        await Eventually.TrueAsync(() => backend.ToStatus().Reason == "GET /health timed out after 200 ms", "the timeout as the reason");
        Assert.False(backend.IsPickable);
    }

    [Fact]
    public async Task Checks_BackendStops_OutOfRotationAsConnectionRefused()
    {
        var backend = Serve(_fast, ready: true);
        await Eventually.TrueAsync(() => _backend.Requests >= 1, "a first check");

        await _backend.DisposeAsync();
        _backend = await ScriptedBackend.StartAsync();

        await Eventually.TrueAsync(() => !backend.IsPickable, "the stopped backend to leave rotation");
        Assert.Equal("connection refused", backend.ToStatus().Reason);
        Assert.False(backend.ToStatus().Healthy);
    }

    [Fact]
    public async Task Checks_EjectedByAFailedRequest_CheckedAfterTheCoolOffAndReadmitted()
    {
        var backend = Serve(_slow, ready: true);

        backend.ReportFailure("connection reset");
        Assert.False(backend.IsPickable);

        await Eventually.TrueAsync(() => backend.IsPickable, "the check after the 0.5 s cool-off to readmit it", TimeSpan.FromSeconds(10));
        Assert.Equal(1, _backend.Requests);
    }

    [Fact]
    public async Task Checks_BackendLeavesTheTable_ItsChecksStop()
    {
        Serve(_fast, ready: true);
        await Eventually.TrueAsync(() => _backend.Requests >= 2, "checks to run");

        _store.Apply(TestRoutes.Table(TestRoutes.Route("web", "hello")));
        await Eventually.TrueAsync(() => Checks.Checking.Count == 0, "the checks to stop");
        await Task.Delay(300);
        var after = _backend.Requests;
        await Task.Delay(1000);

        Assert.Equal(after, _backend.Requests);
    }

    [Fact]
    public async Task Checks_TableSwappedWithTheSameBackend_KeepsOneCheckLoop()
    {
        var backend = Serve(_fast, ready: true);
        await Eventually.TrueAsync(() => _backend.Requests >= 2, "checks to run");

        Serve(_fast, ready: false);
        Serve(_fast, ready: false);

        Assert.Same(backend, Assert.Single(Checks.Checking));
        Assert.True(backend.IsPickable);
    }
}
