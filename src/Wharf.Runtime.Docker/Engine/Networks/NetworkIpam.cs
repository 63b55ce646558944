namespace Wharf.Runtime.Docker.Engine.Networks;

/// <summary>The address ranges the engine hands out on a network.</summary>
public sealed record NetworkIpam
{
    public string? Driver { get; init; }

    public IReadOnlyList<NetworkIpamConfig>? Config { get; init; }
}
