namespace Wharf.Core.Resources;

/// <summary>
/// Runs the containers of backing resources: one per resource, on the app's network under the resource's name,
/// with a named volume for its data, kept running by the engine itself (a restart policy), so neither a crash nor
/// a restart of the Wharf server stops it. Invisible to <see cref="Runtime.IProcessRuntime"/>: the reconciler
/// never sees, counts or stops a resource.
/// </summary>
public interface IResourceRuntime
{
    /// <summary>The resource's current container, or null when it has none.</summary>
    Task<ResourceInstance?> GetAsync(string app, string name, CancellationToken ct = default);

    /// <summary>A container by its id (current or set aside), or null when it is gone.</summary>
    Task<ResourceInstance?> FindAsync(string id, CancellationToken ct = default);

    /// <summary>Every current resource container of the app.</summary>
    Task<IReadOnlyList<ResourceInstance>> ListAsync(string app, CancellationToken ct = default);

    /// <summary>
    /// Creates and starts the resource's container (with the app's network and the data volume, the first time).
    /// A missing image is pulled; when that fails too, <see cref="ResourceImageMissingException"/>.
    /// </summary>
    Task<ResourceInstance> CreateAsync(ResourceSpec spec, CancellationToken ct = default);

    /// <summary>Starts a stopped container; no-op when it runs.</summary>
    Task StartAsync(ResourceInstance instance, CancellationToken ct = default);

    /// <summary>Stops the container (within <paramref name="grace"/>) and moves it out of the way, so a new one can take its name.</summary>
    Task SetAsideAsync(ResourceInstance instance, TimeSpan grace, CancellationToken ct = default);

    /// <summary>Puts a set-aside container back under its name and starts it.</summary>
    Task ReinstateAsync(ResourceInstance instance, CancellationToken ct = default);

    /// <summary>Stops (within <paramref name="grace"/>) and removes the container; its volume stays. No-op when gone.</summary>
    Task RemoveAsync(ResourceInstance instance, TimeSpan grace, CancellationToken ct = default);

    /// <summary>The app's data volumes: one per resource that ever ran here, whether or not its container still exists.</summary>
    Task<IReadOnlyList<ResourceVolume>> VolumesAsync(string app, CancellationToken ct = default);

    /// <summary>Deletes the resource's data volume for good, with any container of the resource still holding it. No-op when there is none.</summary>
    Task RemoveDataAsync(string app, string name, CancellationToken ct = default);

    /// <summary>The container's last <paramref name="count"/> lines of output, stdout and stderr together.</summary>
    Task<IReadOnlyList<string>> LastLinesAsync(ResourceInstance instance, int count, CancellationToken ct = default);

    /// <summary>Runs a command inside the running container and returns its exit code.</summary>
    Task<int> ExecAsync(ResourceInstance instance, ResourceExec exec, CancellationToken ct = default);
}
