using System.Text.Json.Serialization;

namespace Wharf.Runtime.Docker.Engine.System;

/// <summary>GET /info: the host the engine runs on, for capacity and diagnostics.</summary>
public sealed record EngineInfo
{
    [JsonPropertyName("ID")]
    public string? Id { get; init; }

    public string? Name { get; init; }

    public string? ServerVersion { get; init; }

    public int Containers { get; init; }

    public int ContainersRunning { get; init; }

    public int Images { get; init; }

    /// <summary>Storage driver (overlay2...).</summary>
    public string? Driver { get; init; }

    /// <summary>Host memory in bytes.</summary>
    public long MemTotal { get; init; }

    [JsonPropertyName("NCPU")]
    public int Cpus { get; init; }

    public string? OperatingSystem { get; init; }

    public string? KernelVersion { get; init; }

    public string? CgroupVersion { get; init; }

    public string? CgroupDriver { get; init; }
}
