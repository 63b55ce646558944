namespace Wharf.Runtime.Docker.Engine.Containers;

/// <summary>One run of a container's health check.</summary>
public sealed record HealthCheckRun
{
    public DateTimeOffset Start { get; init; }

    public DateTimeOffset End { get; init; }

    public int ExitCode { get; init; }

    public string? Output { get; init; }
}
