namespace Wharf.Runtime.Docker.Engine.System;

/// <summary>One engine event: a container started, died, turned unhealthy; a network was created...</summary>
public sealed record DockerEvent
{
    /// <summary>container, image, network, volume, daemon...</summary>
    public string Type { get; init; } = "";

    /// <summary>start, die, kill, health_status: healthy, exec_start: sh -c ...</summary>
    public string Action { get; init; } = "";

    public EventActor Actor { get; init; } = new();

    public string? Scope { get; init; }

    /// <summary>Unix time in nanoseconds.</summary>
    public long TimeNano { get; init; }

    public DateTimeOffset Timestamp => DateTimeOffset.UnixEpoch.AddTicks(TimeNano / 100);
}
