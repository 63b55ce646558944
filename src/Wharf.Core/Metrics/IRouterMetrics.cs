namespace Wharf.Core.Metrics;

/// <summary>The router's request counters, read over its control socket; fails with an exception when the router cannot be reached.</summary>
public interface IRouterMetrics
{
    Task<IReadOnlyList<RequestCounters>> RequestCountersAsync(CancellationToken ct = default);
}
