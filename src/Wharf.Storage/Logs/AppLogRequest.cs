using Wharf.Core.Logs;

namespace Wharf.Storage.Logs;

/// <summary>Work for a log's writer: entries to append (with a cursor), or a retention pass, or the log's deletion.</summary>
internal sealed class AppLogRequest
{
    private AppLogRequest(AppLogRequestKind kind, IReadOnlyList<LogEntry> entries, LogCursor? cursor)
    {
        Kind = kind;
        Entries = entries;
        Cursor = cursor;
        foreach (var entry in entries)
        {
            EstimatedBytes += LogFormat.EntryHeaderSize + entry.Text.Length;
        }
    }

    public AppLogRequestKind Kind { get; }

    public IReadOnlyList<LogEntry> Entries { get; }

    public LogCursor? Cursor { get; }

    public long EstimatedBytes { get; }

    /// <summary>Completed once the work is durable (or failed).</summary>
    public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static AppLogRequest Append(IReadOnlyList<LogEntry> entries, LogCursor? cursor) => new(AppLogRequestKind.Append, entries, cursor);

    public static AppLogRequest Control(AppLogRequestKind kind) => new(kind, [], null);
}
