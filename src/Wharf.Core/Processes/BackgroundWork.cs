using System.Collections.Concurrent;

namespace Wharf.Core.Processes;

/// <summary>
/// Work that outlives the request that started it (a rolling restart, watching a timer run). Failures are reported
/// through <see cref="IProcessEvents"/>; <see cref="StopAsync"/> cancels whatever still runs when the server stops.
/// </summary>
public sealed class BackgroundWork(IProcessEvents events) : IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<Task, byte> _running = new();
    private int _disposed;

    public void Run(string app, string operation, Func<CancellationToken, Task> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (Volatile.Read(ref _disposed) == 1)
        {
            return;
        }

        var token = _stopping.Token;
        var task = Task.Run(() => RunGuardedAsync(app, operation, work, token), CancellationToken.None);
        _running[task] = 0;
        _ = task.ContinueWith(t => _running.TryRemove(t, out _), TaskScheduler.Default);
    }

    /// <summary>Cancels the running work and waits (at most <paramref name="timeout"/>) for it to end.</summary>
    public async Task StopAsync(TimeSpan timeout)
    {
        // The host may dispose the singletons before it stops the hosted services: then there is nothing left to stop.
        if (Volatile.Read(ref _disposed) == 1)
        {
            return;
        }

        await _stopping.CancelAsync();
        await Task.WhenAll(_running.Keys).WaitAsync(timeout).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    /// <summary>Waits for the work running now to end (tests).</summary>
    public Task IdleAsync() => Task.WhenAll(_running.Keys);

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _stopping.Cancel();
            _stopping.Dispose();
        }
    }

    private async Task RunGuardedAsync(string app, string operation, Func<CancellationToken, Task> work, CancellationToken stopping)
    {
        try
        {
            await work(stopping);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The server is stopping; what was left undone is the reconciler's or the next start's to settle.
        }
        catch (Exception e)
        {
            events.Failed(app, operation, e);
        }
    }
}
