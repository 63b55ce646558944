namespace Wharf.Runtime.Docker.Engine.Networks;

/// <summary>User-defined networks: how an app's processes and its backing services find each other.</summary>
public interface IDockerNetworks
{
    /// <summary>Creates the network and returns its id; a taken name is a conflict, not a second network.</summary>
    Task<string> CreateAsync(NetworkSpec spec, CancellationToken ct = default);

    /// <summary>The network, or null when there is none by that name or id.</summary>
    Task<NetworkInspect?> InspectAsync(string nameOrId, CancellationToken ct = default);

    Task<IReadOnlyList<NetworkInspect>> ListAsync(DockerFilters? filters = null, CancellationToken ct = default);

    Task RemoveAsync(string nameOrId, CancellationToken ct = default);

    /// <summary>Attaches a container, reachable on the network by its name and <paramref name="aliases"/>.</summary>
    Task ConnectAsync(string network, string container, IReadOnlyList<string>? aliases = null, CancellationToken ct = default);

    Task DisconnectAsync(string network, string container, bool force = false, CancellationToken ct = default);
}
