using System.Text.Json.Serialization;

namespace Wharf.Runtime.Docker.Engine.Containers;

/// <summary>GET /exec/{id}/json: whether the command still runs and, once done, its exit code.</summary>
public sealed record ExecInspect
{
    [JsonPropertyName("ID")]
    public string Id { get; init; } = "";

    [JsonPropertyName("ContainerID")]
    public string? ContainerId { get; init; }

    public bool Running { get; init; }

    /// <summary>Null while the command runs.</summary>
    public int? ExitCode { get; init; }

    public int Pid { get; init; }
}
