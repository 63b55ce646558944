using System.Globalization;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Wharf.Core.Runtime;

namespace Wharf.Runtime.Docker.Engine.Http;

/// <summary>
/// Sends one request on a connection of its own, asking the engine to upgrade it to a raw stream (what
/// `docker exec -i` does), and reads the response head by hand: HttpClient cannot half-close a connection, and
/// without that the process never sees the end of its input.
/// </summary>
internal static class HijackRequest
{
    // A response head is a few hundred bytes; anything near this is not the engine talking.
    private const int MaxHeadSize = 64 * 1024;

    private static readonly byte[] _headEnd = "\r\n\r\n"u8.ToArray();

    /// <summary>The upgraded connection, or a <see cref="DockerEngineException"/> when the engine said no.</summary>
    public static async Task<HijackedStream> SendAsync(string socketPath, string pathAndQuery, byte[] body, string operation, CancellationToken ct)
    {
        var socket = await UnixSocket.ConnectAsync(socketPath, ct);
        try
        {
            var head = $"POST /{pathAndQuery} HTTP/1.1\r\nHost: docker\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n" +
                $"Content-Type: application/json\r\nContent-Length: {body.Length.ToString(CultureInfo.InvariantCulture)}\r\n\r\n";
            await socket.SendAsync(Encoding.ASCII.GetBytes(head), SocketFlags.None, ct);
            await socket.SendAsync(body, SocketFlags.None, ct);

            var (status, headText, rest) = await ReadHeadAsync(socket, ct);
            if (status is 101 or 200)
            {
                return new HijackedStream(socket, rest);
            }

            var message = await ReadErrorBodyAsync(socket, headText, rest, ct);
            throw EngineErrors.ToException(status, ParseMessage(message), operation);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static async Task<(int Status, string Head, ReadOnlyMemory<byte> Remainder)> ReadHeadAsync(Socket socket, CancellationToken ct)
    {
        var buffer = new byte[4096];
        var filled = 0;
        while (true)
        {
            var end = buffer.AsSpan(0, filled).IndexOf(_headEnd);
            if (end >= 0)
            {
                var head = Encoding.ASCII.GetString(buffer, 0, end);
                var rest = buffer.AsMemory(end + _headEnd.Length, filled - end - _headEnd.Length).ToArray();
                return (StatusOf(head), head, rest);
            }

            if (filled == buffer.Length)
            {
                if (buffer.Length >= MaxHeadSize)
                {
                    throw new DockerEngineException("The Docker engine's answer to an attach had no end of headers: is something else listening on its socket?");
                }

                Array.Resize(ref buffer, buffer.Length * 2);
            }

            var read = await socket.ReceiveAsync(buffer.AsMemory(filled), SocketFlags.None, ct);
            if (read == 0)
            {
                throw new DockerEngineException("The Docker engine closed the connection before answering an attach.");
            }

            filled += read;
        }
    }

    private static int StatusOf(string head)
    {
        // "HTTP/1.1 101 UPGRADED"
        var parts = head.Split(' ', 3);
        return parts.Length >= 2 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var status)
            ? status
            : throw new DockerEngineException($"The Docker engine answered an attach with something that is not HTTP: {head.Split('\n')[0]}");
    }

    private static async Task<string> ReadErrorBodyAsync(Socket socket, string head, ReadOnlyMemory<byte> rest, CancellationToken ct)
    {
        var length = head.Split("\r\n")
            .Select(line => line.Split(':', 2))
            .Where(pair => pair.Length == 2 && pair[0].Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            .Select(pair => int.TryParse(pair[1].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0)
            .FirstOrDefault();
        var body = new List<byte>(rest.ToArray());
        var buffer = new byte[4096];
        while (body.Count < Math.Min(length, MaxHeadSize))
        {
            var read = await socket.ReceiveAsync(buffer, SocketFlags.None, ct);
            if (read == 0)
            {
                break;
            }

            body.AddRange(buffer.AsSpan(0, read));
        }

        return Encoding.UTF8.GetString([.. body]);
    }

    private static string? ParseMessage(string body)
    {
        try
        {
            return JsonSerializer.Deserialize(body, DockerJsonContext.Default.EngineErrorBody)?.Message ?? body.Trim();
        }
        catch (JsonException)
        {
            return body.Trim();
        }
    }
}
