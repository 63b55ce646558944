using Wharf.Core.Runtime;

namespace Wharf.Runtime.Docker.Engine.Http;

/// <summary>An HTTP handler whose every connection is a new stream on the engine's unix socket.</summary>
internal static class UnixSocketHandler
{
    public static SocketsHttpHandler Create(string socketPath) => new()
    {
        ConnectCallback = (_, ct) => UnixSocket.ConnectStreamAsync(socketPath, ct),
        // Streams (logs, events) hold a connection each; the engine serves them all on one socket.
        MaxConnectionsPerServer = int.MaxValue,
        PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
        UseProxy = false,
        AllowAutoRedirect = false,
    };
}
