using System.Text.Json.Serialization;

namespace Wharf.Runtime.Docker.Engine.Containers;

/// <summary>A container's endpoint on one network.</summary>
public sealed record EndpointSettings
{
    [JsonPropertyName("NetworkID")]
    public string? NetworkId { get; init; }

    [JsonPropertyName("EndpointID")]
    public string? EndpointId { get; init; }

    [JsonPropertyName("IPAddress")]
    public string? IpAddress { get; init; }

    public string? Gateway { get; init; }

    public string? MacAddress { get; init; }

    public IReadOnlyList<string>? Aliases { get; init; }
}
