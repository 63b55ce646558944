using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Wharf.Core.Blobs;

namespace Wharf.Core.Deployments;

/// <summary>
/// A log being written (a deployment's or a build's): its lines stay in memory for followers until it ends, and are
/// written to its blob at most <c>flushInterval</c> after they came and once more at the end, so a server that
/// dies mid-deployment leaves its log behind.
/// </summary>
public sealed class LiveLog(string key, IBlobStore blobs, TimeProvider clock, TimeSpan flushInterval, int maxLines)
{
    private readonly Lock _lock = new();
    private readonly List<string> _lines = [];
    private TaskCompletionSource _changed = NewSignal();

    // Each flush waits for the one before it: an older copy of the log never lands after a newer one.
    private Task _flushing = Task.CompletedTask;
    private bool _flushScheduled;
    private long _dropped;
    private bool _completed;

    /// <summary>The blob the log is written to.</summary>
    public string Key { get; } = key;

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lock)
            {
                return [.. _lines];
            }
        }
    }

    /// <summary>Appends the text, one line per line of it; a write after the end is ignored.</summary>
    public Task WriteAsync(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        bool schedule;
        lock (_lock)
        {
            if (_completed)
            {
                return Task.CompletedTask;
            }

            foreach (var line in text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n'))
            {
                if (_lines.Count < maxLines)
                {
                    _lines.Add(line);
                }
                else
                {
                    _dropped++;
                }
            }

            Signal();
            schedule = !_flushScheduled;
            _flushScheduled = true;
        }

        if (schedule)
        {
            _ = FlushSoonAsync();
        }

        return Task.CompletedTask;
    }

    /// <summary>Ends the log: writes it to its blob for the last time and lets followers finish.</summary>
    public async Task CompleteAsync()
    {
        Task flush;
        lock (_lock)
        {
            if (_completed)
            {
                return;
            }

            if (_dropped > 0)
            {
                _lines.Add($"... {_dropped.ToString(CultureInfo.InvariantCulture)} more lines were not kept (the log keeps at most {maxLines}).");
            }

            _completed = true;
            Signal();
            flush = _flushing = FlushAfterAsync(_flushing);
        }

        await flush;
    }

    /// <summary>The lines so far; with <paramref name="follow"/>, then new ones as they come until the log ends.</summary>
    public async IAsyncEnumerable<string> ReadAsync(bool follow, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var index = 0;
        while (true)
        {
            string[] batch;
            Task changed;
            bool completed;
            lock (_lock)
            {
                batch = [.. _lines.Skip(index)];
                index = _lines.Count;
                changed = _changed.Task;
                completed = _completed;
            }

            foreach (var line in batch)
            {
                yield return line;
            }

            if (!follow || completed)
            {
                yield break;
            }

            await changed.WaitAsync(ct);
        }
    }

    private async Task FlushSoonAsync()
    {
        await Task.Delay(flushInterval, clock);
        Task flush;
        lock (_lock)
        {
            _flushScheduled = false;
            if (_completed)
            {
                return;
            }

            flush = _flushing = FlushAfterAsync(_flushing);
        }

        // A failed flush is not retried on its own: the next line schedules another, and the last one writes everything.
        await flush.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task FlushAfterAsync(Task previous)
    {
        await previous.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        byte[] content;
        lock (_lock)
        {
            content = Encoding.UTF8.GetBytes(_lines.Count == 0 ? "" : string.Join('\n', _lines) + "\n");
        }

        using var stream = new MemoryStream(content, writable: false);
        await blobs.PutAsync(Key, stream, CancellationToken.None);
    }

    private void Signal()
    {
        var changed = _changed;
        _changed = NewSignal();
        changed.TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
