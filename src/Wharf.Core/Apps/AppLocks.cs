using System.Collections.Concurrent;

namespace Wharf.Core.Apps;

/// <summary>
/// Serializes the multi-step changes of one app (new env version, new release, promotion) within this server,
/// so the release left current always carries the newest env. The optimistic retries on the stores stay in place
/// for writers this lock cannot see (another server sharing a PostgreSQL store).
/// </summary>
public sealed class AppLocks
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);

    /// <summary>Waits for the app's lock; dispose the result to release it.</summary>
    public async Task<IDisposable> AcquireAsync(string app, CancellationToken ct = default)
    {
        var gate = _locks.GetOrAdd(app, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        return new Releaser(gate);
    }

    /// <summary>Takes the app's lock only when it is free (no rollout or change running); null otherwise.</summary>
    public IDisposable? TryAcquire(string app)
    {
        var gate = _locks.GetOrAdd(app, _ => new SemaphoreSlim(1, 1));
        return gate.Wait(0) ? new Releaser(gate) : null;
    }

    private sealed class Releaser(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
