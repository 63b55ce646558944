namespace Wharf.Runtime.Docker.Engine.Containers;

/// <summary>GET /containers/{id}/json, the parts Wharf reads.</summary>
public sealed record ContainerInspect
{
    public string Id { get; init; } = "";

    /// <summary>The name with the engine's leading slash ("/web-1").</summary>
    public string Name { get; init; } = "";

    public DateTimeOffset Created { get; init; }

    /// <summary>The image id (sha256:...); <see cref="ContainerConfig.Image"/> holds the name it was created from.</summary>
    public string Image { get; init; } = "";

    public int RestartCount { get; init; }

    public ContainerState State { get; init; } = new();

    public ContainerConfig Config { get; init; } = new();

    public ContainerHostConfig HostConfig { get; init; } = new();

    public NetworkSettings NetworkSettings { get; init; } = new();
}
