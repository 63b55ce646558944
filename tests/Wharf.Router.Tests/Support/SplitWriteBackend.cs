using System.Net.Sockets;
using System.Text;

namespace Wharf.Router.Tests.Support;

/// <summary>
/// An app server that answers every request on a kept-alive connection in two small writes, headers then body, with
/// Nagle's algorithm on (as many app servers do): the body waits until the headers are acknowledged, so a client that
/// delays its ACKs waits ~40 ms per response.
/// </summary>
public sealed class SplitWriteBackend() : RawTcpBackend("split-write")
{
    private static readonly byte[] _head = Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Type: text/plain\r\n\r\n");
    private static readonly byte[] _body = Encoding.ASCII.GetBytes("split");

    protected override Task ServeAsync(Socket socket)
    {
        socket.NoDelay = false;
        _ = AnswerAsync(socket);
        return Task.CompletedTask;
    }

    /// <summary>Answers each request (a GET without a body: its head ends with an empty line) with the two writes.</summary>
    private async Task AnswerAsync(Socket socket)
    {
        using (socket)
        {
            var buffer = new byte[8192];
            var pending = new StringBuilder();
            try
            {
                while (!Stopping.IsCancellationRequested)
                {
                    var read = await socket.ReceiveAsync(buffer, SocketFlags.None, Stopping);
                    if (read == 0)
                    {
                        return;
                    }

                    pending.Append(Encoding.ASCII.GetString(buffer, 0, read));
                    int end;
                    while ((end = pending.ToString().IndexOf("\r\n\r\n", StringComparison.Ordinal)) >= 0)
                    {
                        pending.Remove(0, end + 4);
                        await socket.SendAsync(_head, SocketFlags.None, Stopping);
                        await socket.SendAsync(_body, SocketFlags.None, Stopping);
                    }
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                // Stopped, or the router went away.
            }
        }
    }
}
