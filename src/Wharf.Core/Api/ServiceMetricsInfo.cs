namespace Wharf.Core.Api;

/// <summary>One service in `wharf metrics`; request figures are null when no request came in the window.</summary>
/// <param name="ErrorRate">The share of requests answered 5xx, 0 to 1.</param>
/// <param name="P50">Median latency in seconds (estimated from the router's histogram buckets); also P95, P99.</param>
/// <param name="CpuPercent">Its running processes together, now: share of one core (200 = two cores busy).</param>
/// <param name="MemoryBytes">Its running processes together, now.</param>
public sealed record ServiceMetricsInfo(
    string Service,
    long Requests,
    double RequestsPerSecond,
    double? ErrorRate,
    double? P50,
    double? P95,
    double? P99,
    int Processes,
    double? CpuPercent,
    long? MemoryBytes);
