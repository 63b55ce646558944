using System.Net;
using System.Net.Sockets;

namespace Wharf.Router.Tests.Support;

/// <summary>
/// A process that never accepts: its accept queue is full, so the kernel drops new connection attempts and a
/// connect to it times out (like a frozen or firewalled process).
/// </summary>
public sealed class UnresponsiveBackend : IDisposable
{
    private readonly Socket _listener = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
    private readonly List<Socket> _fillers = [];

    public UnresponsiveBackend()
    {
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _listener.Listen(1);
        var endPoint = (IPEndPoint)_listener.LocalEndPoint!;
        Address = $"127.0.0.1:{endPoint.Port}";
        Live = new FakeBackend(Address, "frozen");

        // The queue holds backlog + 1 finished handshakes; fill it so later SYNs go unanswered.
        for (var i = 0; i < 3; i++)
        {
            var filler = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            _fillers.Add(filler);
            _ = filler.ConnectAsync(endPoint);
        }

        Thread.Sleep(200);
    }

    public string Address { get; }

    public FakeBackend Live { get; }

    public void Dispose()
    {
        foreach (var filler in _fillers)
        {
            filler.Dispose();
        }

        _listener.Dispose();
    }
}
