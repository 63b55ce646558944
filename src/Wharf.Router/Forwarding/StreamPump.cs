using System.Buffers;
using Microsoft.AspNetCore.Http;

namespace Wharf.Router.Forwarding;

/// <summary>
/// Copies one stream into another as data arrives, with buffers from the shared pool: a small one to start (most
/// bodies are small), a large one once reads fill it. Between bursts it waits with a zero-byte read and holds no
/// buffer, so thousands of idle streams (long polls, server-sent events, WebSockets) cost no memory.
/// </summary>
internal static class StreamPump
{
    private const int SmallBuffer = 4 * 1024;
    private const int LargeBuffer = 64 * 1024;

    /// <summary>Copies until <paramref name="source"/> ends or <paramref name="length"/> bytes have passed; returns the bytes copied.</summary>
    /// <param name="length">The length the source announced, or -1; reaching it ends the copy without waiting for the end of the stream.</param>
    /// <param name="flush">Flush after every write (for destinations whose writes do not flush by themselves).</param>
    /// <param name="startBeforeWaiting">
    /// A response to start (send its headers) the first time the source has no data ready, so a client sees the
    /// headers of a slow body at once; a body that is ready goes out with the headers in one write.
    /// </param>
    public static async Task<long> CopyAsync(Stream source, Stream destination, long length, bool flush, HttpResponse? startBeforeWaiting, CancellationToken ct)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(SmallBuffer);
        long copied = 0;
        try
        {
            while (true)
            {
                var reading = source.ReadAsync(buffer, ct);
                if (startBeforeWaiting is not null)
                {
                    if (!reading.IsCompleted)
                    {
                        await startBeforeWaiting.Body.FlushAsync(ct);
                    }

                    startBeforeWaiting = null;
                }

                var read = await reading;
                if (read == 0)
                {
                    return copied;
                }

                await destination.WriteAsync(buffer.AsMemory(0, read), ct);
                if (flush)
                {
                    await destination.FlushAsync(ct);
                }

                copied += read;
                if (copied == length)
                {
                    return copied;
                }

                var full = read == buffer.Length;
                if (full && buffer.Length >= LargeBuffer)
                {
                    continue;
                }

                var size = full ? LargeBuffer : buffer.Length;
                ArrayPool<byte>.Shared.Return(buffer);
                buffer = null;
                if (!full)
                {
                    _ = await source.ReadAsync(Memory<byte>.Empty, ct);
                }

                buffer = ArrayPool<byte>.Shared.Rent(size);
            }
        }
        finally
        {
            if (buffer is not null)
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }
}
