namespace Wharf.Core.Logs;

/// <summary>One line of one app's log (or of the platform's own log), as stored and as read back.</summary>
/// <param name="Time">
/// When the line was written, in UTC; kept to the 100 ns tick. For process output this is the runtime's timestamp
/// of the line (Docker's), not the time it reached the store.
/// </param>
/// <param name="App">The app, or null for the platform's own log (events that belong to no app).</param>
/// <param name="Source">Which stream or kind of line this is.</param>
/// <param name="Service">The service (from wharf.yml) the line belongs to, when there is one.</param>
/// <param name="ProcessId">
/// The process that wrote it (for <see cref="LogSource.Stdout"/>/<see cref="LogSource.Stderr"/>); for build output the
/// build, e.g. "build-7"; null for events that concern no single process.
/// </param>
/// <param name="Release">The release the process ran, when known.</param>
/// <param name="Text">The line without its line ending. Lines longer than the store's limit are cut at it.</param>
public sealed record LogEntry(
    DateTimeOffset Time,
    string? App,
    LogSource Source,
    string? Service,
    string? ProcessId,
    int? Release,
    string Text);
