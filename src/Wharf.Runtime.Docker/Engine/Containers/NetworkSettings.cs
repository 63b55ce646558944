namespace Wharf.Runtime.Docker.Engine.Containers;

/// <summary>Where a running container can be reached: published ports and its address on each network.</summary>
public sealed record NetworkSettings
{
    /// <summary>"8080/tcp" → the host addresses it is published on (null when exposed but not published).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<HostPortBinding>?>? Ports { get; init; }

    /// <summary>Network name → this container's endpoint on it.</summary>
    public IReadOnlyDictionary<string, EndpointSettings>? Networks { get; init; }
}
