using System.Runtime.CompilerServices;

namespace Wharf.Runtime.Docker.Engine.Streams;

/// <summary>Reads container or exec output as lines, multiplexed (no TTY) or raw (TTY: everything is stdout).</summary>
internal static class OutputReader
{
    private const int RawChunkSize = 16 * 1024;

    public static async IAsyncEnumerable<LogLine> ReadLinesAsync(
        Stream stream, bool multiplexed, bool timestamps, [EnumeratorCancellation] CancellationToken ct)
    {
        var assembler = new LogLineAssembler(timestamps);
        await foreach (var frame in ReadFramesAsync(stream, multiplexed, ct))
        {
            foreach (var line in assembler.Push(frame))
            {
                yield return line;
            }
        }

        foreach (var line in assembler.Flush())
        {
            yield return line;
        }
    }

    public static async IAsyncEnumerable<LogFrame> ReadFramesAsync(
        Stream stream, bool multiplexed, [EnumeratorCancellation] CancellationToken ct)
    {
        if (multiplexed)
        {
            var reader = new MultiplexedStreamReader(stream);
            while (await reader.ReadFrameAsync(ct) is { } frame)
            {
                yield return frame;
            }

            yield break;
        }

        while (true)
        {
            var buffer = new byte[RawChunkSize];
            var read = await stream.ReadAsync(buffer, ct);
            if (read == 0)
            {
                yield break;
            }

            yield return new LogFrame(LogSource.StdOut, buffer.AsMemory(0, read));
        }
    }
}
