using Wharf.Runtime.Docker.Engine.Containers;

namespace Wharf.Runtime.Docker.Engine.Networks;

/// <summary>POST /networks/{id}/connect's body.</summary>
internal sealed record NetworkConnectBody
{
    public required string Container { get; init; }

    public EndpointConfigBody? EndpointConfig { get; init; }
}
