using System.Collections.Concurrent;
using Wharf.Router.Metrics;
using Wharf.Router.Routing;

namespace Wharf.Router.Tests.Support;

/// <summary>A backend as the routing part would hand it out: counts requests in flight and records failures reported to it.</summary>
public sealed class FakeBackend(string address, string processId = "p1", int release = 1) : ILiveBackend
{
    private static int _pools;
    private readonly ConcurrentQueue<string> _failures = new();
    private int _inFlight;
    private int _entered;

    public string ProcessId { get; } = processId;

    public string Address { get; } = address;

    public string ConnectionPool { get; } = "fake" + Interlocked.Increment(ref _pools);

    public int Release { get; } = release;

    public RequestMetricsCell Metrics { get; } = new("app", "web", release);

    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>How many forwarded requests started on it.</summary>
    public int Entered => Volatile.Read(ref _entered);

    public IReadOnlyList<string> Failures => [.. _failures];

    public void Enter()
    {
        Interlocked.Increment(ref _entered);
        Interlocked.Increment(ref _inFlight);
    }

    public void Leave()
    {
        if (Interlocked.Decrement(ref _inFlight) < 0)
        {
            throw new InvalidOperationException($"Leave without Enter on {Address}.");
        }
    }

    public void ReportFailure(string reason) => _failures.Enqueue(reason);

    /// <summary>Waits (generously) until no request is in flight; false if one still is after the deadline.</summary>
    public async Task<bool> WaitForIdleAsync(TimeSpan? deadline = null)
    {
        var until = DateTime.UtcNow + (deadline ?? TimeSpan.FromSeconds(15));
        while (InFlight != 0 && DateTime.UtcNow < until)
        {
            await Task.Delay(20);
        }

        return InFlight == 0;
    }
}
