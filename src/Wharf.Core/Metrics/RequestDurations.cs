namespace Wharf.Core.Metrics;

/// <summary>The router's request duration histogram bounds (seconds), shared by the router and every reader of its counters.</summary>
public static class RequestDurations
{
    /// <summary>Prometheus' default bounds plus finer ones at the fast end, where a proxy's answers mostly land.</summary>
    public static IReadOnlyList<double> Bounds { get; } =
        [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

    /// <summary>Status classes counted: 1xx to 5xx.</summary>
    public const int StatusClassCount = 5;
}
