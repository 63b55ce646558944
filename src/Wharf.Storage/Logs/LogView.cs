namespace Wharf.Storage.Logs;

/// <summary>An immutable snapshot of a log for readers: its segments, oldest first, each up to its last commit.</summary>
internal sealed class LogView(IReadOnlyList<SegmentView> segments, bool closed)
{
    public static LogView Empty { get; } = new([], false);

    public IReadOnlyList<SegmentView> Segments { get; } = segments;

    /// <summary>The log was deleted or the store closed: followers end.</summary>
    public bool Closed { get; } = closed;

    /// <summary>Where the log ends: the last segment and its committed length.</summary>
    public LogPosition End => Segments.Count == 0 ? new LogPosition(0, 0) : new LogPosition(Segments[^1].Id, Segments[^1].End);
}
