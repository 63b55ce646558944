using System.Net.Sockets;

namespace Wharf.Router.Tests.Support;

/// <summary>
/// A process that accepts connections, reads the start of the request and hangs up without answering: a
/// connection that breaks before any response byte.
/// </summary>
public sealed class HangUpBackend() : RawTcpBackend("hang-up")
{
    protected override async Task ServeAsync(Socket socket)
    {
        using (socket)
        {
            var buffer = new byte[1024];
            await socket.ReceiveAsync(buffer, SocketFlags.None, Stopping);
            socket.LingerState = new LingerOption(true, 0);
        }
    }
}
