namespace Wharf.Runtime.Docker.Engine.Volumes;

/// <summary>A named volume: storage that outlives the containers using it.</summary>
public sealed record VolumeSpec
{
    /// <summary>The engine makes up a name when null.</summary>
    public string? Name { get; init; }

    public string Driver { get; init; } = "local";

    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();
}
