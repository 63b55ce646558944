using Wharf.Router.Routing;

namespace Wharf.Router.Tests.Routing;

public class RoutingStateDrainTests
{
    private static readonly TimeSpan _generous = TimeSpan.FromSeconds(30);

    private readonly RoutingState _state = TestRoutes.State();

    public RoutingStateDrainTests() =>
        _state.Apply(TestRoutes.Table(TestRoutes.Route("web", "hello",
            TestRoutes.Backend("old", address: "10.0.0.1:5000"), TestRoutes.Backend("new", address: "10.0.0.2:5000"))));

    [Fact]
    public async Task DrainAsync_UnknownAddress_DrainedAtOnce()
    {
        var result = await _state.DrainAsync(["10.9.9.9:5000"], _generous, CancellationToken.None);

        Assert.Equal(new DrainResult(true, 0), result);
    }

    [Fact]
    public async Task DrainAsync_NothingInFlight_DrainedAtOnce()
    {
        var result = await _state.DrainAsync(["10.0.0.1:5000"], _generous, CancellationToken.None);

        Assert.True(result.Drained);
    }

    [Fact]
    public async Task DrainAsync_RequestsInFlight_ReturnsWhenTheLastOneLeaves()
    {
        var old = _state.Live("old");
        old.Enter();
        old.Enter();
        _state.Apply(TestRoutes.Table(TestRoutes.Route("web", "hello", TestRoutes.Backend("new", address: "10.0.0.2:5000"))));

        var drain = _state.DrainAsync(["10.0.0.1:5000"], _generous, CancellationToken.None);
        await Task.Delay(300);
        Assert.False(drain.IsCompleted);
        old.Leave();
        await Task.Delay(100);
        Assert.False(drain.IsCompleted);
        old.Leave();

        Assert.Equal(new DrainResult(true, 0), await drain.WaitAsync(_generous));
    }

    [Fact]
    public async Task DrainAsync_RequestNeverFinishes_TimesOutWithTheCount()
    {
        _state.Live("old").Enter();

        var result = await _state.DrainAsync(["10.0.0.1:5000", "10.0.0.2:5000"], TimeSpan.FromMilliseconds(300), CancellationToken.None);

        Assert.Equal(new DrainResult(false, 1), result);
    }

    [Fact]
    public async Task DrainAsync_BackendJustLeftTheTable_WaitsForARequestThatPickedItBeforeTheSwap()
    {
        var old = _state.Live("old");
        _state.Apply(TestRoutes.Table(TestRoutes.Route("web", "hello", TestRoutes.Backend("new", address: "10.0.0.2:5000"))));

        var drain = _state.DrainAsync(["10.0.0.1:5000"], _generous, CancellationToken.None);
        old.Enter(); // a request that picked it from the previous table, entering just after the swap

        await Task.Delay(RoutingState.DrainSettle * 3);
        Assert.False(drain.IsCompleted);
        old.Leave();
        Assert.True((await drain.WaitAsync(_generous)).Drained);
    }

    [Fact]
    public async Task DrainAsync_Cancelled_Throws()
    {
        _state.Live("old").Enter();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _state.DrainAsync(["10.0.0.1:5000"], _generous, cancel.Token));
    }
}
