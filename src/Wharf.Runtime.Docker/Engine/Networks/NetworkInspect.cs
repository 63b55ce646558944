namespace Wharf.Runtime.Docker.Engine.Networks;

/// <summary>A network, its address range and (on inspect, not list) the containers attached to it.</summary>
public sealed record NetworkInspect
{
    public string Id { get; init; } = "";

    public string Name { get; init; } = "";

    public string? Driver { get; init; }

    public string? Scope { get; init; }

    public bool Internal { get; init; }

    public bool Attachable { get; init; }

    public DateTimeOffset Created { get; init; }

    public IReadOnlyDictionary<string, string>? Labels { get; init; }

    public NetworkIpam? Ipam { get; init; }

    /// <summary>Container id → its endpoint on this network.</summary>
    public IReadOnlyDictionary<string, NetworkContainer>? Containers { get; init; }
}
