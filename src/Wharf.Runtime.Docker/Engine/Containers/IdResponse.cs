namespace Wharf.Runtime.Docker.Engine.Containers;

/// <summary>The engine's {"Id": "..."} answer to create calls.</summary>
internal sealed record IdResponse
{
    public string Id { get; init; } = "";
}
