using System.Runtime.CompilerServices;
using Wharf.Core.Logs;

namespace Wharf.Storage.Logs;

/// <summary>Answers queries over a log's views: in time order, the last N, and following new lines.</summary>
internal static class LogReader
{
    /// <summary>
    /// Entries appended out of time order (concurrent collectors, a collector catching up) are held back until no
    /// block still to read can hold an earlier one, but never more than this many: past it, the earliest go out.
    /// </summary>
    private const int MaxHeldBack = 100_000;

    /// <summary>The matching entries of <paramref name="view"/>, oldest first (the last <see cref="LogQuery.Tail"/> of them when given).</summary>
    public static async IAsyncEnumerable<LogEntry> QueryAsync(LogView view, string? app, LogQuery query, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var scan = new LogScan(view, new LogFilter(query), new EntryDecoder(app));
        var limit = query.Limit ?? int.MaxValue;
        var entries = query.Tail is { } tail ? Last(scan, tail, ct) : InTimeOrder(scan, ct);
        var count = 0;
        foreach (var entry in entries)
        {
            if (count++ == limit)
            {
                yield break;
            }

            yield return entry;

            // The scan itself is synchronous (the files are almost always in the page cache); let other work in now and then.
            if (count % 4096 == 0)
            {
                await Task.Yield();
            }
        }
    }

    /// <summary>What <see cref="QueryAsync"/> returns for the current view, then each matching entry as it is committed.</summary>
    public static async IAsyncEnumerable<LogEntry> FollowAsync(AppLog log, string? app, LogQuery query, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var view = log.View;
        var limit = query.Limit ?? int.MaxValue;
        var count = 0;
        await foreach (var entry in QueryAsync(view, app, query with { Limit = null }, ct))
        {
            if (count++ == limit)
            {
                yield break;
            }

            yield return entry;
        }

        var filter = new LogFilter(query);
        var decoder = new EntryDecoder(app);
        var position = view.End;
        var found = new List<FoundEntry>();
        while (true)
        {
            // The signal first: a commit after this line completes it, so none is missed between reading and waiting.
            var changed = log.Changed;
            view = log.View;
            if (view.Closed)
            {
                yield break;
            }

            if (view.End == position)
            {
                await changed.WaitAsync(ct);
                continue;
            }

            position = LogTail.Read(view, position, filter, decoder, found);
            foreach (var entry in found)
            {
                if (count++ == limit)
                {
                    yield break;
                }

                yield return entry.Entry;
            }

            found.Clear();
        }
    }

    private static IEnumerable<LogEntry> InTimeOrder(LogScan scan, CancellationToken ct)
    {
        var held = new PriorityQueue<LogEntry, (long, long)>();
        foreach (var (found, next) in scan.Forward())
        {
            ct.ThrowIfCancellationRequested();
            foreach (var entry in found)
            {
                held.Enqueue(entry.Entry, entry.OrderKey);
            }

            var watermark = scan.MinTicksFrom(next);
            while (held.TryPeek(out var entry, out var key) && (key.Item1 <= watermark || held.Count > MaxHeldBack))
            {
                held.Dequeue();
                yield return entry;
            }
        }

        while (held.TryDequeue(out var entry, out _))
        {
            yield return entry;
        }
    }

    private static IEnumerable<LogEntry> Last(LogScan scan, int tail, CancellationToken ct)
    {
        if (tail == 0)
        {
            yield break;
        }

        // The latest `tail` so far, earliest on top so that a later entry can push it out.
        var latest = new PriorityQueue<LogEntry, (long, long)>();
        foreach (var (found, index) in scan.Backward())
        {
            ct.ThrowIfCancellationRequested();
            foreach (var entry in found)
            {
                if (latest.Count < tail)
                {
                    latest.Enqueue(entry.Entry, entry.OrderKey);
                }
                else if (latest.TryPeek(out _, out var earliest) && entry.OrderKey.CompareTo(earliest) > 0)
                {
                    latest.DequeueEnqueue(entry.Entry, entry.OrderKey);
                }
            }

            // Earlier blocks can only hold entries that sort before all of those kept: stop.
            if (latest.Count == tail && latest.TryPeek(out _, out var oldest) && scan.MaxTicksBefore(index) <= oldest.Item1)
            {
                break;
            }
        }

        while (latest.TryDequeue(out var entry, out _))
        {
            yield return entry;
        }
    }
}
