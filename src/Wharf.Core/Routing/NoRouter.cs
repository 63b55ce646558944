using Wharf.Core.Metrics;

namespace Wharf.Core.Routing;

/// <summary>
/// The router of a host that runs without one (tests, <c>wharf server --no-router</c>): takes every table and
/// drains at once, since nothing forwards requests; its status is empty.
/// </summary>
public sealed class NoRouter : IRouterControl, IRouterMetrics
{
    private static readonly RouterStatus _empty = new(0, [], 0, []);

    public Task ApplyAsync(RouteTable table, CancellationToken ct = default) => Task.CompletedTask;

    public Task<bool> DrainAsync(IReadOnlyList<string> addresses, TimeSpan timeout, CancellationToken ct = default) => Task.FromResult(true);

    public Task<RouterStatus> StatusAsync(CancellationToken ct = default) => Task.FromResult(_empty);

    public Task<IReadOnlyList<RequestCounters>> RequestCountersAsync(CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<RequestCounters>>([]);

    public Task SetCertificatesAsync(IReadOnlyList<RouterCertificate> certificates, CancellationToken ct = default) => Task.CompletedTask;
}
