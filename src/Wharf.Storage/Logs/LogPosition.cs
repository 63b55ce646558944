namespace Wharf.Storage.Logs;

/// <summary>A place in a log: a segment and an offset in it.</summary>
internal readonly record struct LogPosition(long Segment, long Offset)
{
    /// <summary>One number ordering records by position (segment offsets stay far below 2^40).</summary>
    public static long Key(long segment, long offset) => (segment << 40) | offset;
}
