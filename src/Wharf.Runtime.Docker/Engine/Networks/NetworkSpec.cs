namespace Wharf.Runtime.Docker.Engine.Networks;

/// <summary>A user-defined network: containers on it reach each other by name.</summary>
public sealed record NetworkSpec
{
    public required string Name { get; init; }

    public string Driver { get; init; } = "bridge";

    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>No route to the outside world: for backing services only apps should reach.</summary>
    public bool Internal { get; init; }

    public bool Attachable { get; init; }
}
