using System.Text;
using Wharf.Runtime.Docker.Engine.Http;

namespace Wharf.Runtime.Docker.Engine.Streams;

/// <summary>
/// Turns frames into lines, per stream: a frame may hold half a line or several, and a UTF-8
/// character may be split between frames, so bytes are kept until a newline completes them.
/// </summary>
internal sealed class LogLineAssembler(bool timestamps)
{
    private readonly Dictionary<LogSource, List<byte>> _pending = [];

    public IEnumerable<LogLine> Push(LogFrame frame)
    {
        if (!_pending.TryGetValue(frame.Source, out var buffer))
        {
            buffer = [];
            _pending[frame.Source] = buffer;
        }

        var lines = new List<LogLine>();
        var span = frame.Payload.Span;
        while (span.IndexOf((byte)'\n') is var newline and >= 0)
        {
            buffer.AddRange(span[..newline]);
            lines.Add(ToLine(frame.Source, buffer));
            buffer.Clear();
            span = span[(newline + 1)..];
        }

        buffer.AddRange(span);
        return lines;
    }

    /// <summary>The unterminated last line of each stream, at the end of output.</summary>
    public IEnumerable<LogLine> Flush()
    {
        var lines = new List<LogLine>();
        foreach (var (source, buffer) in _pending.OrderBy(p => p.Key))
        {
            if (buffer.Count > 0)
            {
                lines.Add(ToLine(source, buffer));
                buffer.Clear();
            }
        }

        return lines;
    }

    private LogLine ToLine(LogSource source, List<byte> bytes)
    {
        var text = Encoding.UTF8.GetString([.. bytes]);
        // TTY output ends lines with \r\n.
        if (text.EndsWith('\r'))
        {
            text = text[..^1];
        }

        if (timestamps && text.IndexOf(' ', StringComparison.Ordinal) is var space and > 0
            && EngineTime.TryParse(text.AsSpan(0, space), out var when))
        {
            return new LogLine(source, text[(space + 1)..], when);
        }

        return new LogLine(source, text, null);
    }
}
