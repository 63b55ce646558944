namespace Wharf.Runtime.Docker.Engine.Containers;

/// <summary>A container's settings on one network (create and connect requests).</summary>
internal sealed record EndpointConfigBody
{
    public IReadOnlyList<string>? Aliases { get; init; }
}
