using System.Net;
using System.Net.Sockets;

namespace Wharf.Router.Tests.Support;

/// <summary>
/// A process that accepts connections, reads the start of the request and hangs up without answering: a
/// connection that breaks before any response byte.
/// </summary>
public sealed class HangUpBackend : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private int _connections;

    public HangUpBackend()
    {
        _listener.Start();
        Address = $"127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";
        Live = new FakeBackend(Address, "hang-up");
        _ = AcceptAsync();
    }

    public string Address { get; }

    public FakeBackend Live { get; }

    public int Connections => Volatile.Read(ref _connections);

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Dispose();
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                using var socket = await _listener.AcceptSocketAsync(_stop.Token);
                Interlocked.Increment(ref _connections);
                var buffer = new byte[1024];
                await socket.ReceiveAsync(buffer, SocketFlags.None, _stop.Token);
                socket.LingerState = new LingerOption(true, 0);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped.
        }
    }
}
