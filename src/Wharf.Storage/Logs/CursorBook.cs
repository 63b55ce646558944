using System.Collections.Concurrent;
using System.Text;

namespace Wharf.Storage.Logs;

/// <summary>
/// The collectors' cursors of one log, as of its last commit. Read by anyone, changed only by the log's writer
/// (after the write that carries the change is on disk) and by recovery.
/// </summary>
internal sealed class CursorBook
{
    private readonly ConcurrentDictionary<string, (string Position, long UpdatedTicks)> _cursors = new(StringComparer.Ordinal);

    public int Count => _cursors.Count;

    public string? Get(string source) => _cursors.TryGetValue(source, out var cursor) ? cursor.Position : null;

    public void Set(string source, string position, long updatedTicks) => _cursors[source] = (position, updatedTicks);

    public void Apply(LogRecord record) =>
        Set(Encoding.UTF8.GetString(record.CursorKey), Encoding.UTF8.GetString(record.CursorValue), record.CursorTicks);

    /// <summary>Forgets cursors not updated since <paramref name="cutoffTicks"/> and returns the others, to be written at the start of a new segment.</summary>
    public List<(string Source, string Position, long UpdatedTicks)> KeepSince(long cutoffTicks)
    {
        var kept = new List<(string, string, long)>();
        foreach (var (source, (position, updated)) in _cursors)
        {
            if (updated < cutoffTicks)
            {
                _cursors.TryRemove(source, out _);
            }
            else
            {
                kept.Add((source, position, updated));
            }
        }

        return kept;
    }
}
