using System.Runtime.CompilerServices;
using System.Text;
using Wharf.Runtime.Docker.Engine.Http;

namespace Wharf.Runtime.Docker.Engine.Streams;

/// <summary>
/// Reads a log asked for with timestamps as the engine's entries. Without a TTY each entry is one frame of the
/// multiplexed stream ("TIMESTAMP TEXT", a piece of a long line lacking its "\n"); with one, the stream is raw and
/// each line is taken as an entry.
/// </summary>
internal static class LogRecordReader
{
    private const int MaxTimestampLength = 64;

    public static async IAsyncEnumerable<LogRecord> ReadAsync(Stream stream, bool multiplexed, [EnumeratorCancellation] CancellationToken ct)
    {
        if (multiplexed)
        {
            await foreach (var frame in OutputReader.ReadFramesAsync(stream, multiplexed: true, ct))
            {
                yield return Parse(frame.Source, frame.Payload);
            }

            yield break;
        }

        var pending = new List<byte>();
        await foreach (var frame in OutputReader.ReadFramesAsync(stream, multiplexed: false, ct))
        {
            var rest = frame.Payload;
            while (rest.Span.IndexOf((byte)'\n') is var newline and >= 0)
            {
                pending.AddRange(rest.Span[..(newline + 1)]);
                yield return Parse(LogSource.StdOut, pending.ToArray());
                pending.Clear();
                rest = rest[(newline + 1)..];
            }

            pending.AddRange(rest.Span);
        }

        if (pending.Count > 0)
        {
            yield return Parse(LogSource.StdOut, pending.ToArray());
        }
    }

    /// <summary>One entry: "TIMESTAMP TEXT", ending in "\n" unless it is a piece of a longer line.</summary>
    public static LogRecord Parse(LogSource source, ReadOnlyMemory<byte> payload)
    {
        var span = payload.Span;
        var space = span[..Math.Min(span.Length, MaxTimestampLength)].IndexOf((byte)' ');
        Span<char> stamp = stackalloc char[MaxTimestampLength];
        if (space <= 0 || !EngineTime.TryParseUnixNanos(stamp[..Encoding.Latin1.GetChars(span[..space], stamp)], out var nanos))
        {
            throw new InvalidDataException(
                $"The Docker engine sent a log entry without its timestamp: '{Encoding.UTF8.GetString(span[..Math.Min(span.Length, 60)])}'.");
        }

        var text = payload[(space + 1)..];
        var endsLine = text.Span is [.., (byte)'\n'];
        return new LogRecord(source, nanos, endsLine ? text[..^1] : text, endsLine);
    }
}
