namespace Wharf.Runtime.Docker.Engine.Streams;

/// <summary>
/// One entry of a container's log as the engine keeps it: a whole line, or one piece of a line longer than the
/// engine's 16 KiB buffer (every piece but the last has <see cref="EndsLine"/> false).
/// </summary>
/// <param name="UnixNanos">The engine's timestamp of the entry, to the nanosecond (what "since" compares with).</param>
/// <param name="Text">The bytes written, without the timestamp and without the line's "\n".</param>
public sealed record LogRecord(LogSource Source, long UnixNanos, ReadOnlyMemory<byte> Text, bool EndsLine);
