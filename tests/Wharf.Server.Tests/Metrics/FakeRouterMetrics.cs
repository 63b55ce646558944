using Wharf.Core.Metrics;

namespace Wharf.Server.Tests.Metrics;

/// <summary>A router whose request counters are whatever the test sets.</summary>
public sealed class FakeRouterMetrics : IRouterMetrics
{
    public IReadOnlyList<RequestCounters> Counters { get; set; } = [];

    public Task<IReadOnlyList<RequestCounters>> RequestCountersAsync(CancellationToken ct = default) => Task.FromResult(Counters);
}
