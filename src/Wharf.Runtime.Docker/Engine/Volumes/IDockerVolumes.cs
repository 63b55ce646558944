namespace Wharf.Runtime.Docker.Engine.Volumes;

/// <summary>Named volumes for stateful backing services.</summary>
public interface IDockerVolumes
{
    /// <summary>Creates the volume; creating one that exists returns the existing one, as the engine does.</summary>
    Task<VolumeInfo> CreateAsync(VolumeSpec spec, CancellationToken ct = default);

    /// <summary>The volume, or null when there is none by that name.</summary>
    Task<VolumeInfo?> InspectAsync(string name, CancellationToken ct = default);

    Task<IReadOnlyList<VolumeInfo>> ListAsync(DockerFilters? filters = null, CancellationToken ct = default);

    Task RemoveAsync(string name, bool force = false, CancellationToken ct = default);
}
