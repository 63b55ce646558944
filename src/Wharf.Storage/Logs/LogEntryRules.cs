using System.Text;
using Wharf.Core.Apps;
using Wharf.Core.Logs;

namespace Wharf.Storage.Logs;

/// <summary>
/// What the store accepts, checked before anything is queued so that one bad entry fails its own append and never
/// a group commit shared with other appenders.
/// </summary>
internal static class LogEntryRules
{
    public static string? AppProblem(string app) => AppNames.Problem(app);

    public static void Validate(IReadOnlyList<LogEntry> entries, LogCursor? cursor)
    {
        foreach (var entry in entries)
        {
            ArgumentNullException.ThrowIfNull(entry, nameof(entries));
            if (entry.App is not null && AppProblem(entry.App) is { } problem)
            {
                throw new ArgumentException(problem, nameof(entries));
            }

            if (entry.Source is not (LogSource.Stdout or LogSource.Stderr or LogSource.Build or LogSource.Event))
            {
                throw new ArgumentException($"A log entry's source must be exactly one of stdout, stderr, build and event, not {(int)entry.Source}.", nameof(entries));
            }

            ArgumentNullException.ThrowIfNull(entry.Text, nameof(entries));
            if ((NameProblem(entry.Service, "service") ?? NameProblem(entry.ProcessId, "process id")) is { } nameProblem)
            {
                throw new ArgumentException(nameProblem, nameof(entries));
            }
        }

        if (cursor is null)
        {
            return;
        }

        if (cursor.App is not null && AppProblem(cursor.App) is { } cursorProblem)
        {
            throw new ArgumentException(cursorProblem, nameof(cursor));
        }

        foreach (var entry in entries)
        {
            if (!string.Equals(entry.App, cursor.App, StringComparison.Ordinal))
            {
                throw new ArgumentException($"A batch with a cursor must be all of one log: the cursor is for '{cursor.App ?? FileLogStore.SystemLogName}' and an entry is for '{entry.App ?? FileLogStore.SystemLogName}'.", nameof(entries));
            }
        }

        ArgumentException.ThrowIfNullOrEmpty(cursor.Source, nameof(cursor));
        ArgumentNullException.ThrowIfNull(cursor.Position, nameof(cursor));
        if (Encoding.UTF8.GetByteCount(cursor.Source) > LogFormat.MaxCursorKeyBytes || Encoding.UTF8.GetByteCount(cursor.Position) > LogFormat.MaxCursorValueBytes)
        {
            throw new ArgumentException($"A cursor's source may have at most {LogFormat.MaxCursorKeyBytes} bytes and its position at most {LogFormat.MaxCursorValueBytes}.", nameof(cursor));
        }
    }

    private static string? NameProblem(string? name, string what) =>
        name is not null && Encoding.UTF8.GetByteCount(name) > LogFormat.MaxNameBytes
            ? $"A log entry's {what} has more than {LogFormat.MaxNameBytes} bytes: '{name[..Math.Min(name.Length, 40)]}…'."
            : null;
}
