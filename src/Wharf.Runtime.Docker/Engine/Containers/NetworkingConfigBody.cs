namespace Wharf.Runtime.Docker.Engine.Containers;

/// <summary>Which network a new container joins and under which extra names.</summary>
internal sealed record NetworkingConfigBody
{
    public required IReadOnlyDictionary<string, EndpointConfigBody> EndpointsConfig { get; init; }

    public static NetworkingConfigBody For(string network, IReadOnlyList<string> aliases) => new()
    {
        EndpointsConfig = new Dictionary<string, EndpointConfigBody>
        {
            [network] = new EndpointConfigBody { Aliases = aliases.Count == 0 ? null : aliases },
        },
    };
}
