using System.Net;
using System.Net.Sockets;
using Wharf.Core.Routing;
using Wharf.Router.Health;
using Wharf.Router.Tests.Routing;
using Wharf.Router.Tests.Support;

namespace Wharf.Router.Tests.Health;

public sealed class BackendProbeTests : IAsyncLifetime
{
    private BackendProbe Probe { get; } = new(TestRoutes.Options());
    private ScriptedBackend _backend = null!;

    public async Task InitializeAsync() => _backend = await ScriptedBackend.StartAsync();

    public async Task DisposeAsync()
    {
        Probe.Dispose();
        await _backend.DisposeAsync();
    }

    private static Route Route(TimeSpan? timeout = null) =>
        TestRoutes.Route("web", "hello", ["web.hello.localhost", "hello.example.com"]) with
        {
            Health = new RouteHealth { Path = "/health", Timeout = timeout ?? TimeSpan.FromSeconds(4) },
        };

    [Theory]
    [InlineData(200)]
    [InlineData(204)]
    [InlineData(302)]
    public async Task CheckAsync_2xxOr3xx_Passes(int status)
    {
        _backend.Status = status;

        var result = await Probe.CheckAsync(Route(), _backend.Address, CancellationToken.None);

        Assert.Equal(CheckResult.Pass, result);
    }

    [Fact]
    public async Task CheckAsync_Any_GetsThePathWithTheRoutesFirstHost()
    {
        await Probe.CheckAsync(Route(), _backend.Address, CancellationToken.None);

        Assert.Equal(["GET /health for web.hello.localhost"], _backend.Seen);
    }

    [Theory]
    [InlineData(404)]
    [InlineData(500)]
    [InlineData(503)]
    public async Task CheckAsync_ErrorStatus_FailsSayingWhatItAnswered(int status)
    {
        _backend.Status = status;

        var result = await Probe.CheckAsync(Route(), _backend.Address, CancellationToken.None);

        Assert.Equal(CheckResult.Failed($"GET /health answered {status}"), result);
    }

    [Fact]
    public async Task CheckAsync_SlowerThanTheTimeout_FailsSayingItTimedOut()
    {
        _backend.Delay = TimeSpan.FromSeconds(30);

        var result = await Probe.CheckAsync(Route(TimeSpan.FromMilliseconds(300)), _backend.Address, CancellationToken.None);

        Assert.Equal(CheckResult.Failed("GET /health timed out after 300 ms"), result);
    }

    [Fact]
    public async Task CheckAsync_NothingListens_FailsAsConnectionRefused()
    {
        var result = await Probe.CheckAsync(Route(), ClosedPort.Address(), CancellationToken.None);

        Assert.Equal(CheckResult.NotConnected("connection refused"), result);
    }

    [Fact]
    public async Task CheckAsync_ConnectionNeverAccepted_FailsAsConnectTimeout()
    {
        // A listener whose accept queue is full: the kernel drops further SYNs, so connecting hangs.
        using var full = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        full.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        full.Listen(0);
        var address = $"127.0.0.1:{((IPEndPoint)full.LocalEndPoint!).Port}";
        var fillers = new List<Socket>();
        try
        {
            for (var i = 0; i < 4; i++)
            {
                var filler = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                fillers.Add(filler);
                _ = filler.ConnectAsync(full.LocalEndPoint!);
            }

            await Task.Delay(200);
            using var probe = new BackendProbe(TestRoutes.Options() with { ConnectTimeout = TimeSpan.FromMilliseconds(300) });

            var result = await probe.CheckAsync(Route(), address, CancellationToken.None);

            Assert.Equal(CheckResult.NotConnected("connecting timed out after 300 ms"), result);
        }
        finally
        {
            fillers.ForEach(f => f.Dispose());
        }
    }

    [Fact]
    public async Task CheckAsync_Cancelled_Throws()
    {
        _backend.Delay = TimeSpan.FromSeconds(30);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Probe.CheckAsync(Route(), _backend.Address, cancel.Token));
    }
}
