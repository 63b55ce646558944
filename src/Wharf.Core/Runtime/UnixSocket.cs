using System.Net.Sockets;

namespace Wharf.Core.Runtime;

/// <summary>Connections to a local unix socket (the Docker engine's, the router's control socket).</summary>
public static class UnixSocket
{
    /// <summary>A connected socket; disposed again when the connection fails.</summary>
    public static async Task<Socket> ConnectAsync(string path, CancellationToken ct)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(path), ct);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>A connected stream that owns its socket: what a <see cref="SocketsHttpHandler.ConnectCallback"/> returns.</summary>
    public static async ValueTask<Stream> ConnectStreamAsync(string path, CancellationToken ct) =>
        new NetworkStream(await ConnectAsync(path, ct), ownsSocket: true);
}
