namespace Wharf.Runtime.Docker.Engine.Volumes;

/// <summary>A volume as the engine describes it.</summary>
public sealed record VolumeInfo
{
    public string Name { get; init; } = "";

    public string? Driver { get; init; }

    /// <summary>Where the data lives on the host.</summary>
    public string? Mountpoint { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public string? Scope { get; init; }

    public IReadOnlyDictionary<string, string>? Labels { get; init; }
}
