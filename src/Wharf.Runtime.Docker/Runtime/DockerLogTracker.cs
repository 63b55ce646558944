using System.Text;
using Wharf.Core.Runtime;
using Wharf.Runtime.Docker.Engine.Streams;
using ProcessLogLine = Wharf.Core.Logs.ProcessLogLine;

namespace Wharf.Runtime.Docker.Runtime;

/// <summary>
/// Turns a container's log entries, read from a <see cref="DockerLogPosition"/>, into lines, each with the position
/// after it. It counts the entries read whose timestamp is at or after a moving "since" that trails the newest
/// entry by <see cref="Window"/>: resuming from (since, count) gets exactly the entries not read yet, as long as no
/// entry is stamped more than the window before one written ahead of it (they are microseconds apart in practice).
/// </summary>
internal sealed class DockerLogTracker
{
    /// <summary>How far "since" trails the newest entry: far more than the engine's two writers ever drift apart.</summary>
    public static readonly long Window = 2_000_000_000;

    private readonly PriorityQueue<long, long> _counted = new();
    private readonly Dictionary<LogSource, PendingLine> _pending = [];
    private long _since;
    private long _toSkip;
    private long _newest;

    public DockerLogTracker(DockerLogPosition from)
    {
        _since = from.SinceUnixNanos;
        _toSkip = from.Skip;
        _newest = from.SinceUnixNanos;
    }

    /// <summary>The "since" to ask the engine for, or null for the whole log.</summary>
    public long? Since => _since > 0 ? _since : null;

    /// <summary>Where reading resumes now, or null while a long line is half read (no position lies inside it).</summary>
    public DockerLogPosition? Position => _pending.Count == 0 ? new DockerLogPosition(_since, _counted.Count) : null;

    /// <summary>Takes the next entry the engine sent; returns the line it completes, if any.</summary>
    public ProcessLogLine? Push(LogRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        Count(record.UnixNanos);
        if (_toSkip > 0)
        {
            _toSkip--;
            return null;
        }

        if (ToChannel(record.Source) is not { } channel)
        {
            return null;
        }

        if (!record.EndsLine)
        {
            if (!_pending.TryGetValue(record.Source, out var pending))
            {
                pending = new PendingLine(record.UnixNanos);
                _pending[record.Source] = pending;
            }

            pending.Bytes.AddRange(record.Text.Span);
            return null;
        }

        string text;
        var time = record.UnixNanos;
        if (_pending.Remove(record.Source, out var started))
        {
            started.Bytes.AddRange(record.Text.Span);
            text = Decode(started.Bytes.ToArray());
            time = started.UnixNanos;
        }
        else
        {
            text = Decode(record.Text.Span);
        }

        return new ProcessLogLine(channel, text, ToTime(time), Position?.ToString());
    }

    /// <summary>At the end of the log: the pieces of lines that never got their end, as lines.</summary>
    public IReadOnlyList<ProcessLogLine> Flush()
    {
        var lines = new List<ProcessLogLine>();
        foreach (var (source, pending) in _pending.OrderBy(p => p.Value.UnixNanos).ToList())
        {
            _pending.Remove(source);
            lines.Add(new ProcessLogLine(ToChannel(source)!.Value, Decode(pending.Bytes.ToArray()), ToTime(pending.UnixNanos), Position?.ToString()));
        }

        return lines;
    }

    private void Count(long unixNanos)
    {
        _counted.Enqueue(unixNanos, unixNanos);
        _newest = Math.Max(_newest, unixNanos);

        // Moved on in steps, not at every entry, so the queue is pruned in bulk.
        if (_newest - _since > 2 * Window)
        {
            _since = _newest - Window;
            while (_counted.TryPeek(out _, out var oldest) && oldest < _since)
            {
                _counted.Dequeue();
            }
        }
    }

    private static string Decode(ReadOnlySpan<byte> bytes)
    {
        // TTY output ends lines with \r\n.
        if (bytes is [.., (byte)'\r'])
        {
            bytes = bytes[..^1];
        }

        return Encoding.UTF8.GetString(bytes);
    }

    private static DateTimeOffset ToTime(long unixNanos) => DateTimeOffset.UnixEpoch.AddTicks(unixNanos / 100);

    private static OutputChannel? ToChannel(LogSource source) => source switch
    {
        LogSource.StdOut => OutputChannel.Stdout,
        LogSource.StdErr => OutputChannel.Stderr,
        _ => null,
    };

    private sealed class PendingLine(long unixNanos)
    {
        public long UnixNanos { get; } = unixNanos;

        public List<byte> Bytes { get; } = [];
    }
}
