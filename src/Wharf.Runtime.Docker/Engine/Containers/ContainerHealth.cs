namespace Wharf.Runtime.Docker.Engine.Containers;

/// <summary>The health check's verdict and its last few runs.</summary>
public sealed record ContainerHealth
{
    /// <summary>starting, healthy or unhealthy.</summary>
    public string Status { get; init; } = "";

    public int FailingStreak { get; init; }

    public IReadOnlyList<HealthCheckRun>? Log { get; init; }
}
