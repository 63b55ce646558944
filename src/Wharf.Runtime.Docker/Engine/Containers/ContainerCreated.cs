namespace Wharf.Runtime.Docker.Engine.Containers;

/// <summary>The new container's id, and the engine's warnings (e.g. a limit the kernel cannot enforce).</summary>
public sealed record ContainerCreated
{
    public string Id { get; init; } = "";

    public IReadOnlyList<string>? Warnings { get; init; }
}
