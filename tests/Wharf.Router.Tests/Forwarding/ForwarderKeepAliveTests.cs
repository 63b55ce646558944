using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Wharf.Router.Tests.Support;
using Xunit.Abstractions;

namespace Wharf.Router.Tests.Forwarding;

public sealed class ForwarderKeepAliveTests(ITestOutputHelper output)
{
    /// <remarks>
    /// Linux acknowledges the first segments of a new connection at once, so only later requests on the kept-alive
    /// backend connection show a stall: the median of the last 20 of 40 is what is judged. A stall is at least the
    /// kernel's minimum delayed-ACK time (40 ms); an answer without one takes about a millisecond.
    /// </remarks>
    [Fact]
    public async Task Forward_BackendWritesHeadAndBodyApart_NoDelayedAckStall()
    {
        using var backend = new SplitWriteBackend();
        await using var router = await TestRouter.StartAsync();
        router.Routes.Add(FakeRoute.For("hello", backends: backend.Live));
        using var client = router.CreateClient();

        var took = new List<double>();
        for (var i = 0; i < 40; i++)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await client.GetAsync("http://web.hello.localhost/");
            Assert.Equal("split", await response.Content.ReadAsStringAsync());
            took.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        var last = took.Skip(20).Order().ToList();
        var median = last[last.Count / 2];
        output.WriteLine($"per request (ms): {string.Join(' ', took.Select(ms => ms.ToString("F1", System.Globalization.CultureInfo.InvariantCulture)))}");
        Assert.True(median < 20, $"The median of the last 20 requests took {median:F1} ms: responses wait for a delayed ACK.");
    }

    [Fact]
    public async Task Forward_NewProcessAtTheAddressOfAnOldOne_GetsConnectionsOfItsOwn()
    {
        // Docker hands a stopped container's IP to the next one. A connection opened to the old process must never
        // carry a request for the new one: if the old one exited without closing it cleanly, the new one resets it.
        await using var server = await TestBackend.StartAsync(app => app.MapGet("/", (HttpContext context) => context.Connection.Id));
        await using var router = await TestRouter.StartAsync();
        using var client = router.CreateClient();
        var old = new FakeBackend(server.Live.Address, processId: "old");
        var next = new FakeBackend(server.Live.Address, processId: "next");

        router.Routes.Add(FakeRoute.For("hello", backends: old));
        var toOld = await client.GetStringAsync("http://web.hello.localhost/");
        router.Routes.Add(FakeRoute.For("hello", backends: next));
        var toNext = await client.GetStringAsync("http://web.hello.localhost/");
        var toNextAgain = await client.GetStringAsync("http://web.hello.localhost/");

        Assert.NotEqual(toOld, toNext);
        Assert.Equal(toNext, toNextAgain);
    }
}
