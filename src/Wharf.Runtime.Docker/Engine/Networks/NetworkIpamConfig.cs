namespace Wharf.Runtime.Docker.Engine.Networks;

public sealed record NetworkIpamConfig
{
    public string? Subnet { get; init; }

    public string? Gateway { get; init; }
}
