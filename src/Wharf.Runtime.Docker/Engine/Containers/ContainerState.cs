using System.Text.Json.Serialization;

namespace Wharf.Runtime.Docker.Engine.Containers;

/// <summary>Whether a container runs, and how it ended.</summary>
public sealed record ContainerState
{
    /// <summary>created, running, paused, restarting, removing, exited or dead.</summary>
    public string Status { get; init; } = "";

    public bool Running { get; init; }

    public bool Paused { get; init; }

    public bool Restarting { get; init; }

    [JsonPropertyName("OOMKilled")]
    public bool OomKilled { get; init; }

    public bool Dead { get; init; }

    public int Pid { get; init; }

    public int ExitCode { get; init; }

    public string? Error { get; init; }

    public DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset FinishedAt { get; init; }

    /// <summary>Null when the container has no health check.</summary>
    public ContainerHealth? Health { get; init; }
}
