namespace Wharf.Core.Logs;

/// <summary>
/// Every app's log: process output, build output and platform events, kept on disk across restarts of the server,
/// the processes and the deploys that wrote them, and dropped by age and size.
/// </summary>
public interface ILogStore : IAsyncDisposable
{
    /// <summary>
    /// Appends the entries (of any apps) and returns once they are on disk (fsync): an acknowledged line survives a
    /// crash of the server. Concurrent appends share one disk flush, so many small batches cost little more than one.
    /// With a <paramref name="cursor"/>, every entry must be of <see cref="LogCursor.App"/>, and the entries and the
    /// cursor become durable together or not at all. Entries become visible to queries and followers when this returns.
    /// </summary>
    Task AppendAsync(IReadOnlyList<LogEntry> entries, LogCursor? cursor = null, CancellationToken ct = default);

    /// <summary>The position last stored for <paramref name="source"/> in the app's log, or null when none is.</summary>
    /// <remarks>A cursor not updated for longer than the log's maximum age is forgotten, like the lines it covered.</remarks>
    Task<string?> GetCursorAsync(string? app, string source, CancellationToken ct = default);

    /// <summary>The stored lines that match, oldest first (by <see cref="LogEntry.Time"/>; lines with the same time in the order they were appended).</summary>
    /// <exception cref="ArgumentException">The query is invalid (see <see cref="LogQuery.Validate"/>) or names an invalid app.</exception>
    IAsyncEnumerable<LogEntry> QueryAsync(LogQuery query, CancellationToken ct = default);

    /// <summary>
    /// What <see cref="QueryAsync"/> returns, then every matching line appended after it, in the order they are
    /// appended, as soon as they are (no polling), until cancelled or the app's log is deleted.
    /// </summary>
    IAsyncEnumerable<LogEntry> FollowAsync(LogQuery query, CancellationToken ct = default);

    /// <summary>Drops what is older than the maximum age or beyond the size limit of each log. The store also does this as its logs grow.</summary>
    Task ApplyRetentionAsync(CancellationToken ct = default);

    /// <summary>Deletes an app's whole log (when the app is deleted); its followers end.</summary>
    Task DeleteAppAsync(string app, CancellationToken ct = default);
}
