using System.Text.Json.Serialization;

namespace Wharf.Runtime.Docker.Engine.Containers;

/// <summary>A port of a listed container; PublicPort is 0 when the port is not published.</summary>
public sealed record ContainerPortSummary
{
    [JsonPropertyName("IP")]
    public string? Ip { get; init; }

    public int PrivatePort { get; init; }

    public int PublicPort { get; init; }

    public string? Type { get; init; }
}
