namespace Wharf.Runtime.Docker.Engine.Containers;

/// <summary>Where a container port is published on the host; HostPort is a string in the engine's API.</summary>
public sealed record HostPortBinding
{
    public string? HostIp { get; init; }

    public string? HostPort { get; init; }
}
