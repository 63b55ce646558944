using System.Collections.Concurrent;

namespace Wharf.Router.Forwarding;

/// <summary>
/// Reuses the cancellation sources that time each forwarded request out, so the hot path does not create a source
/// and a timer per request. A source that fired is not reused (it cannot be reset).
/// </summary>
internal sealed class TimeoutSourcePool : IDisposable
{
    private const int MaxPooled = 1024;
    private readonly ConcurrentQueue<CancellationTokenSource> _pool = new();
    private int _pooled;

    public CancellationTokenSource Rent()
    {
        if (_pool.TryDequeue(out var source))
        {
            Interlocked.Decrement(ref _pooled);
            return source;
        }

        return new CancellationTokenSource();
    }

    public void Return(CancellationTokenSource source)
    {
        if (source.TryReset())
        {
            if (Interlocked.Increment(ref _pooled) <= MaxPooled)
            {
                _pool.Enqueue(source);
                return;
            }

            Interlocked.Decrement(ref _pooled);
        }

        source.Dispose();
    }

    public void Dispose()
    {
        while (_pool.TryDequeue(out var source))
        {
            source.Dispose();
        }
    }
}
