namespace Wharf.Runtime.Docker.Engine.Containers;

/// <summary>The engine's health check: the test command and durations in nanoseconds.</summary>
public sealed record HealthcheckConfig
{
    /// <summary>["CMD-SHELL", "curl -f ..."], ["CMD", "exe", "arg"], or ["NONE"].</summary>
    public IReadOnlyList<string>? Test { get; init; }

    public long Interval { get; init; }

    public long Timeout { get; init; }

    public int Retries { get; init; }

    public long StartPeriod { get; init; }
}
