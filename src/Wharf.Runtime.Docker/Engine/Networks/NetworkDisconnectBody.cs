namespace Wharf.Runtime.Docker.Engine.Networks;

/// <summary>POST /networks/{id}/disconnect's body.</summary>
internal sealed record NetworkDisconnectBody
{
    public required string Container { get; init; }

    public bool Force { get; init; }
}
