using System.Runtime.CompilerServices;
using Wharf.Core.Logs;

namespace Wharf.Core.Tests.Logs;

/// <summary>
/// A log store in memory with the contract's promises that matter to collectors: a batch and its cursor are stored
/// together or not at all, and followers see new entries. <see cref="FailNextAppends"/> makes appends fail (a full disk).
/// </summary>
public sealed class InMemoryLogStore : ILogStore
{
    private readonly Lock _lock = new();
    private readonly List<LogEntry> _entries = [];
    private readonly Dictionary<(string?, string), string> _cursors = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>How many appends to fail from now on.</summary>
    public int FailNextAppends { get; set; }

    public int Appends { get; private set; }

    public List<string> DeletedApps { get; } = [];

    public IReadOnlyList<LogEntry> Entries(string? app)
    {
        lock (_lock)
        {
            return [.. _entries.Where(e => e.App == app)];
        }
    }

    public Task AppendAsync(IReadOnlyList<LogEntry> entries, LogCursor? cursor = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ct.ThrowIfCancellationRequested();
        TaskCompletionSource changed;
        lock (_lock)
        {
            if (FailNextAppends > 0)
            {
                FailNextAppends--;
                throw new IOException("No space left on device");
            }

            Appends++;
            _entries.AddRange(entries);
            if (cursor is not null)
            {
                _cursors[(cursor.App, cursor.Source)] = cursor.Position;
            }

            changed = _changed;
            _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.TrySetResult();
        return Task.CompletedTask;
    }

    public Task<string?> GetCursorAsync(string? app, string source, CancellationToken ct = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_cursors.GetValueOrDefault((app, source)));
        }
    }

    public async IAsyncEnumerable<LogEntry> QueryAsync(LogQuery query, [EnumeratorCancellation] CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await Task.Yield();
        var matching = Entries(query.App).Where(e => Matches(query, e)).OrderBy(e => e.Time).ToList();
        foreach (var entry in query.Tail is { } tail ? matching.TakeLast(tail) : matching)
        {
            yield return entry;
        }
    }

    public async IAsyncEnumerable<LogEntry> FollowAsync(LogQuery query, [EnumeratorCancellation] CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        int seen;
        Task changed;
        lock (_lock)
        {
            seen = _entries.Count;
            changed = _changed.Task;
        }

        await foreach (var entry in QueryAsync(query, ct))
        {
            yield return entry;
        }

        while (true)
        {
            await changed.WaitAsync(ct);
            List<LogEntry> added;
            lock (_lock)
            {
                added = [.. _entries.Skip(seen)];
                seen = _entries.Count;
                changed = _changed.Task;
            }

            foreach (var entry in added.Where(e => e.App == query.App && Matches(query with { Since = null, Until = null }, e)))
            {
                yield return entry;
            }
        }
    }

    public Task ApplyRetentionAsync(CancellationToken ct = default) => Task.CompletedTask;

    public Task DeleteAppAsync(string app, CancellationToken ct = default)
    {
        lock (_lock)
        {
            _entries.RemoveAll(e => e.App == app);
            foreach (var key in _cursors.Keys.Where(k => k.Item1 == app).ToList())
            {
                _cursors.Remove(key);
            }

            DeletedApps.Add(app);
        }

        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static bool Matches(LogQuery query, LogEntry entry) =>
        (query.Since is null || entry.Time >= query.Since)
        && (query.Until is null || entry.Time < query.Until)
        && (query.Service is null || entry.Service == query.Service)
        && (query.ProcessId is null || entry.ProcessId == query.ProcessId)
        && (query.Release is null || entry.Release == query.Release)
        && (query.Sources is null || (query.Sources.Value & entry.Source) != 0)
        && (query.Filter is null || entry.Text.Contains(query.Filter, StringComparison.Ordinal));
}
