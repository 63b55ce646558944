using System.Net.Sockets;
using Wharf.Router.Control;
using Wharf.Router.Tests.Routing;

namespace Wharf.Router.Tests.Control;

public sealed class RouterControlClientTests : IDisposable
{
    private readonly TempDirectory _data = new();

    private string SocketPath => Path.Combine(_data.Path, "control.sock");

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task StatusAsync_NoSocket_SaysTheRouterIsNotRunning()
    {
        using var client = new RouterControlClient(SocketPath);

        var e = await Assert.ThrowsAsync<RouterControlException>(() => client.StatusAsync());

        Assert.Equal($"The router is not running (no control socket at {SocketPath}).", e.Message);
    }

    [Fact]
    public async Task ApplyAsync_StaleSocketFile_SaysNothingListens()
    {
        // Bound and never listening, as a router that died leaves its socket file (.NET deletes it on Dispose).
        using var stale = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        stale.Bind(new UnixDomainSocketEndPoint(SocketPath));
        using var client = new RouterControlClient(SocketPath);

        var e = await Assert.ThrowsAsync<RouterControlException>(() => client.ApplyAsync(TestRoutes.Table()));

        Assert.Equal($"The router is not running (nothing listens on its control socket at {SocketPath}).", e.Message);
    }

    [Fact]
    public async Task StatusAsync_RouterNeverAnswers_SaysItDidNotAnswerInTime()
    {
        using var hung = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        hung.Bind(new UnixDomainSocketEndPoint(SocketPath));
        hung.Listen();
        using var client = new RouterControlClient(SocketPath, TimeSpan.FromMilliseconds(500));

        var e = await Assert.ThrowsAsync<RouterControlException>(() => client.StatusAsync());

        Assert.Equal(
            $"The router did not answer GET /status within 500 ms (control socket {SocketPath}): it may be overloaded or hung; see its log.",
            e.Message);
    }

    [Fact]
    public async Task StatusAsync_Disposed_Throws()
    {
        var client = new RouterControlClient(SocketPath);
        client.Dispose();
        client.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => client.StatusAsync());
    }

    [Fact]
    public async Task StatusAsync_CallerCancels_Cancelled()
    {
        using var hung = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        hung.Bind(new UnixDomainSocketEndPoint(SocketPath));
        hung.Listen();
        using var client = new RouterControlClient(SocketPath);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.StatusAsync(cancel.Token));
    }
}
