using System.Net;
using System.Net.Sockets;

namespace Wharf.Router.Forwarding;

/// <summary>
/// A backend connection that acknowledges what it receives at once (Linux TCP_QUICKACK, set again before every read,
/// since the kernel drops it by itself). Many app servers write a response's headers and body in two small writes;
/// with Nagle on their side and delayed ACKs on ours, the second write waits ~40 ms for an ACK on a kept-alive
/// connection. Measured through the router with examples/hello: 43 ms per request without, 1 ms with.
/// </summary>
internal sealed class QuickAckStream(Socket socket) : NetworkStream(socket, ownsSocket: true)
{
    private const int IpProtocolTcp = 6;
    private const int TcpQuickAck = 12;
    private static readonly byte[] _on = [1, 0, 0, 0];

    /// <summary>Connects to <paramref name="endpoint"/> with Nagle off on our side and quick ACKs on.</summary>
    public static async ValueTask<Stream> ConnectAsync(DnsEndPoint endpoint, CancellationToken ct)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(endpoint, ct);
            var stream = new QuickAckStream(socket);
            stream.QuickAck();
            return stream;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        QuickAck();
        return base.ReadAsync(buffer, cancellationToken);
    }

    public override int Read(Span<byte> buffer)
    {
        QuickAck();
        return base.Read(buffer);
    }

    private void QuickAck()
    {
        if (OperatingSystem.IsLinux())
        {
            try
            {
                Socket.SetRawSocketOption(IpProtocolTcp, TcpQuickAck, _on);
            }
            catch (SocketException)
            {
                // Closed under us: the read that follows reports it.
            }
            catch (ObjectDisposedException)
            {
                // Same.
            }
        }
    }
}
