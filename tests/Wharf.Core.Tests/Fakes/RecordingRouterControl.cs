using System.Collections.Concurrent;
using Wharf.Core.Routing;

namespace Wharf.Core.Tests.Fakes;

/// <summary>
/// A router that keeps every call in order ("apply" with its table, "drain ADDRESS"); set <see cref="Failure"/> to
/// make it unreachable, <see cref="Drain"/> to script (or watch) drains.
/// </summary>
public sealed class RecordingRouterControl : IRouterControl
{
    private readonly ConcurrentQueue<RouterCall> _calls = new();

    /// <summary>When set, every call throws it (the router's control socket is away).</summary>
    public Exception? Failure { get; set; }

    /// <summary>Answers a drain (addresses, timeout) → drained; default: drained at once.</summary>
    public Func<IReadOnlyList<string>, TimeSpan, bool> Drain { get; set; } = (_, _) => true;

    /// <summary>Runs inside every apply before it is recorded (to hold it up, or to watch for overlapping applies).</summary>
    public Func<Task>? BeforeApply { get; set; }

    public IReadOnlyList<RouterCall> Calls => [.. _calls];

    /// <summary>The tables the router took, oldest first.</summary>
    public IReadOnlyList<RouteTable> Tables => [.. _calls.Where(c => c is { Kind: "apply", Failed: false }).Select(c => c.Table!)];

    public RouteTable? Last => Tables is [.., var last] ? last : null;

    public async Task ApplyAsync(RouteTable table, CancellationToken ct = default)
    {
        if (BeforeApply is { } before)
        {
            await before();
        }

        _calls.Enqueue(new RouterCall("apply", table, [], Failure is not null));
        if (Failure is { } failure)
        {
            throw failure;
        }
    }

    public Task<bool> DrainAsync(IReadOnlyList<string> addresses, TimeSpan timeout, CancellationToken ct = default)
    {
        _calls.Enqueue(new RouterCall("drain", null, addresses, Failure is not null));
        return Failure is { } failure ? Task.FromException<bool>(failure) : Task.FromResult(Drain(addresses, timeout));
    }

    public Task<RouterStatus> StatusAsync(CancellationToken ct = default) =>
        Failure is { } failure ? Task.FromException<RouterStatus>(failure) : Task.FromResult(new RouterStatus(1, [], Last?.Routes.Count ?? 0, []));

    public Task SetCertificatesAsync(IReadOnlyList<RouterCertificate> certificates, CancellationToken ct = default) =>
        Failure is { } failure ? Task.FromException(failure) : Task.CompletedTask;
}
