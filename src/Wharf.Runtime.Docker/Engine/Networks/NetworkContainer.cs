using System.Text.Json.Serialization;

namespace Wharf.Runtime.Docker.Engine.Networks;

/// <summary>A container attached to a network and its address there ("172.18.0.2/16").</summary>
public sealed record NetworkContainer
{
    public string? Name { get; init; }

    [JsonPropertyName("EndpointID")]
    public string? EndpointId { get; init; }

    [JsonPropertyName("IPv4Address")]
    public string? Ipv4Address { get; init; }

    public string? MacAddress { get; init; }
}
