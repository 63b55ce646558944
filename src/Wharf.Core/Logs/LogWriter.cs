using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Wharf.Core.Logs;

/// <summary>
/// Writes the platform's own lines (events, build output) to the log store from a queue, many to one append:
/// callers never wait for a disk flush, and a build printing thousands of lines costs a few appends, not thousands.
/// </summary>
public sealed class LogWriter : IAsyncDisposable
{
    /// <summary>Lines queued at most; past it new lines are dropped (and counted) rather than exhaust memory.</summary>
    public const int Capacity = 100_000;

    private const int MaxBatch = 1000;

    private readonly Channel<object> _queue = Channel.CreateBounded<object>(new BoundedChannelOptions(Capacity) { SingleReader = true });
    private readonly ILogStore _store;
    private readonly ILogger<LogWriter> _logger;
    private readonly Task _writing;
    private long _dropped;

    public LogWriter(ILogStore store, ILogger<LogWriter> logger)
    {
        _store = store;
        _logger = logger;
        _writing = Task.Run(WriteAllAsync);
    }

    /// <summary>Queues the entry; it is stored shortly (and visible to followers then).</summary>
    public void Write(LogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (!_queue.Writer.TryWrite(entry) && !_queue.Reader.Completion.IsCompleted)
        {
            Interlocked.Increment(ref _dropped);
        }
    }

    /// <summary>Returns once every entry queued before the call is stored (or could not be).</summary>
    public async Task FlushAsync(CancellationToken ct = default)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (_queue.Writer.TryWrite(done) || await TryWriteAsync(done, ct))
        {
            await done.Task.WaitAsync(ct);
        }
    }

    /// <summary>Stores what is queued, then stops.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writing;
    }

    private async Task<bool> TryWriteAsync(object item, CancellationToken ct)
    {
        try
        {
            await _queue.Writer.WriteAsync(item, ct);
            return true;
        }
        catch (ChannelClosedException)
        {
            return false;
        }
    }

    private async Task WriteAllAsync()
    {
        var batch = new List<LogEntry>(MaxBatch);
        var flushes = new List<TaskCompletionSource>();
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var item))
            {
                if (item is LogEntry entry)
                {
                    batch.Add(entry);
                }
                else
                {
                    flushes.Add((TaskCompletionSource)item);
                }
            }

            if (batch.Count > 0)
            {
                try
                {
                    await _store.AppendAsync(batch);
                }
                catch (Exception e)
                {
                    // A full disk or a store closing under us: the events are lost, the platform goes on.
                    LogCollectorLog.EventsNotStored(_logger, batch.Count, e);
                }
            }

            if (Interlocked.Exchange(ref _dropped, 0) is var dropped and > 0)
            {
                LogCollectorLog.EventsDropped(_logger, dropped);
            }

            batch.Clear();
            flushes.ForEach(f => f.TrySetResult());
            flushes.Clear();
        }
    }
}
