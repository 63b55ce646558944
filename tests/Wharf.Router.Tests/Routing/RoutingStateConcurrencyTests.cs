using Wharf.Router.Routing;

namespace Wharf.Router.Tests.Routing;

public class RoutingStateConcurrencyTests
{
    [Fact]
    public async Task PickEnterLeave_WhileTablesSwap_CountsEveryRequestAndDrainsToZero()
    {
        var state = TestRoutes.State();
        var tables = new[]
        {
            TestRoutes.Table(TestRoutes.Route("web", "hello", TestRoutes.Backend("a", address: "10.0.0.1:80"), TestRoutes.Backend("b", address: "10.0.0.2:80"))),
            TestRoutes.Table(TestRoutes.Route("web", "hello", TestRoutes.Backend("b", address: "10.0.0.2:80"), TestRoutes.Backend("c", address: "10.0.0.3:80"))),
        };
        state.Apply(tables[0]);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        var picked = 0L;

        var workers = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                var backend = state.Resolve("web.hello.localhost")?.Pick([]);
                if (backend is null)
                {
                    continue;
                }

                backend.Enter();
                Interlocked.Increment(ref picked);
                backend.Leave();
            }
        })).ToList();
        var swaps = 0;
        while (!stop.IsCancellationRequested)
        {
            state.Apply(tables[swaps++ % 2]);
            await Task.Delay(1);
        }

        await Task.WhenAll(workers);

        Assert.True(picked > 1000, $"only {picked} requests picked a backend");
        Assert.All(state.Statuses(), s => Assert.Equal(0, s.InFlight));
        var drained = await state.DrainAsync(["10.0.0.1:80", "10.0.0.2:80", "10.0.0.3:80"], TimeSpan.FromSeconds(10), CancellationToken.None);
        Assert.Equal(new DrainResult(true, 0), drained);
    }
}
