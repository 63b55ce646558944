using System.Net;
using System.Net.Sockets;

namespace Wharf.Router.Tests.Support;

/// <summary>
/// An app server written at the socket level, for behaviour a real web framework will not show (hanging up mid-way,
/// writing a response in pieces): it accepts on a free loopback port and hands each connection to <see cref="ServeAsync"/>.
/// </summary>
public abstract class RawTcpBackend : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private int _connections;

    protected RawTcpBackend(string name)
    {
        _listener.Start();
        Address = $"127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";
        Live = new FakeBackend(Address, name);
        _ = AcceptAsync();
    }

    public string Address { get; }

    public FakeBackend Live { get; }

    public int Connections => Volatile.Read(ref _connections);

    protected CancellationToken Stopping => _stop.Token;

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Dispose();
        _stop.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Serves one connection; accepting goes on meanwhile when it returns a task still running.</summary>
    protected abstract Task ServeAsync(Socket socket);

    private async Task AcceptAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var socket = await _listener.AcceptSocketAsync(_stop.Token);
                Interlocked.Increment(ref _connections);
                await ServeAsync(socket);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped.
        }
    }
}
