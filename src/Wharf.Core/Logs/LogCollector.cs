using Microsoft.Extensions.Logging;
using Wharf.Core.Errors;
using Wharf.Core.State;

namespace Wharf.Core.Logs;

/// <summary>
/// Collects every process's output into the log store: each process the runtime has (announced by the runtime
/// when it starts one, found by a scan every <see cref="LogCollectorOptions.ScanInterval"/> otherwise) is followed
/// by a <see cref="ProcessLogFollower"/> from its stored cursor, until it exits and its output is read to the end.
/// The runtime drains a process through <see cref="DrainAsync"/> before removing it, so a process's last lines are
/// stored even when it dies and is removed between two scans. Only processes of this server's apps are collected:
/// other servers (tests, a second installation) may share the engine.
/// </summary>
public sealed class LogCollector(
    IProcessLogReader reader,
    ILogStore store,
    IStateStore state,
    LogCollectorOptions options,
    TimeProvider clock,
    ILogger<LogCollector> logger)
    : IProcessLogCollector, IAsyncDisposable
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Following> _following = new(StringComparer.Ordinal);

    // Exited processes whose output was read to its end: not read again unless they run again.
    private readonly HashSet<string> _finished = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _retryAt = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private bool _disposed;

    /// <summary>The processes being followed now (tests and diagnostics).</summary>
    public IReadOnlyCollection<string> FollowedProcesses
    {
        get
        {
            lock (_lock)
            {
                return [.. _following.Keys];
            }
        }
    }

    /// <summary>Scans the runtime's processes until <paramref name="ct"/> is cancelled; what the hosted service runs.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        var failing = false;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await ScanAsync(ct);
                failing = false;
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                // Said once when listing starts failing (the engine away), not at every scan.
                if (!failing)
                {
                    LogCollectorLog.ScanFailed(logger, e);
                }

                failing = true;
            }

            await Task.Delay(options.ScanInterval, clock, ct).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>One scan: starts following every process that is not followed and may have unread output.</summary>
    public async Task ScanAsync(CancellationToken ct = default)
    {
        var apps = (await state.Apps.ListAsync(ct)).Select(a => a.Name).ToHashSet(StringComparer.Ordinal);
        var processes = (await reader.ListAsync(ct)).Where(p => apps.Contains(p.App)).ToList();
        var now = clock.GetUtcNow();
        lock (_lock)
        {
            if (_disposed || _stopping.IsCancellationRequested)
            {
                return;
            }

            var present = processes.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
            _finished.RemoveWhere(id => !present.Contains(id));
            foreach (var id in _retryAt.Keys.Where(id => !present.Contains(id)).ToList())
            {
                _retryAt.Remove(id);
            }

            foreach (var process in processes)
            {
                var finished = !process.Running && _finished.Contains(process.Id);
                var waiting = _retryAt.TryGetValue(process.Id, out var retryAt) && retryAt > now;
                if (!finished && !waiting)
                {
                    Follow(process, _stopping.Token);
                }
            }
        }
    }

    public void Started(LoggedProcess process)
    {
        ArgumentNullException.ThrowIfNull(process);
        lock (_lock)
        {
            if (!_disposed && !_stopping.IsCancellationRequested)
            {
                Follow(process, _stopping.Token);
            }
        }
    }

    public async Task DrainAsync(string processId, CancellationToken ct = default)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(options.DrainTimeout);
        try
        {
            // A follower that fails is given one more try; past that the deadline would only be waited out.
            for (var attempt = 0; attempt < 3; attempt++)
            {
                Task? following;
                lock (_lock)
                {
                    if (_disposed)
                    {
                        return;
                    }

                    following = _following.GetValueOrDefault(processId)?.Task;
                    if (following is null && _finished.Contains(processId))
                    {
                        return;
                    }
                }

                if (following is null)
                {
                    if (await reader.GetAsync(processId, deadline.Token) is not { } process)
                    {
                        return;
                    }

                    lock (_lock)
                    {
                        // After a stop (the server shutting down) the follower lives only as long as this drain.
                        following = _disposed ? null : Follow(process, _stopping.IsCancellationRequested ? deadline.Token : _stopping.Token).Task;
                    }
                }

                if (following is not null)
                {
                    await following.WaitAsync(deadline.Token);
                }
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            LogCollectorLog.NotDrained(logger, processId, options.DrainTimeout);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The engine failing to answer must not keep the process from being removed: what is left stays unread.
            LogCollectorLog.DrainFailed(logger, processId, e);
        }
    }

    /// <summary>Stops following the app's processes, then deletes its log (the app was deleted).</summary>
    public async Task DeleteAppAsync(string app, CancellationToken ct = default)
    {
        List<Following> stopped;
        lock (_lock)
        {
            stopped = [.. _following.Values.Where(f => f.Follower.Process.App == app)];
        }

        foreach (var following in stopped)
        {
            await following.Cancel.CancelAsync();
        }

        await Task.WhenAll(stopped.Select(f => f.Task));
        await store.DeleteAppAsync(app, ct);
    }

    /// <summary>Stops every follower; what they stored is kept with its cursor, and the next server goes on from there.</summary>
    public async Task StopAsync()
    {
        List<Task> running;
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            running = [.. _following.Values.Select(f => f.Task)];
        }

        await _stopping.CancelAsync();
        await Task.WhenAll(running);
    }

    /// <summary>Stops the followers; later drains return at once. Safe to call more than once (DI disposes it under each of its names).</summary>
    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
        }

        // Followers a drain started after the stop end with their drain's deadline; this one is no longer needed.
        _stopping.Dispose();
    }

    /// <summary>The process's follower, started unless it runs already. Called under the lock.</summary>
    private Following Follow(LoggedProcess process, CancellationToken ct)
    {
        if (_following.TryGetValue(process.Id, out var existing))
        {
            return existing;
        }

        _finished.Remove(process.Id);
        _retryAt.Remove(process.Id);
        var follower = new ProcessLogFollower(process, reader, store, options, logger);
        var cancel = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var following = new Following(follower, cancel);
        _following[process.Id] = following;

        // Runs once the lock is released: its clean-up takes the lock.
        following.Task = Task.Run(() => RunAsync(following), CancellationToken.None);
        return following;
    }

    private async Task RunAsync(Following following)
    {
        var process = following.Follower.Process;
        var finished = false;
        try
        {
            await following.Follower.RunAsync(following.Cancel.Token);
            finished = true;
        }
        catch (NotFoundException)
        {
            finished = true;
        }
        catch (OperationCanceledException) when (following.Cancel.IsCancellationRequested)
        {
            // Stopped: the server is stopping, or the app was deleted.
        }
        catch (Exception e)
        {
            LogCollectorLog.FollowFailed(logger, process.Id, process.App, options.RetryDelay, e);
            lock (_lock)
            {
                _retryAt[process.Id] = clock.GetUtcNow() + options.RetryDelay;
            }
        }
        finally
        {
            lock (_lock)
            {
                if (_following.TryGetValue(process.Id, out var current) && current == following)
                {
                    _following.Remove(process.Id);
                }

                if (finished)
                {
                    _finished.Add(process.Id);
                }
            }

            following.Cancel.Dispose();
        }
    }

    private sealed class Following(ProcessLogFollower follower, CancellationTokenSource cancel)
    {
        public ProcessLogFollower Follower { get; } = follower;

        public CancellationTokenSource Cancel { get; } = cancel;

        public Task Task { get; set; } = Task.CompletedTask;
    }
}
