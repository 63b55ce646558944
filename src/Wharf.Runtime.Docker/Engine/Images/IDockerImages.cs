namespace Wharf.Runtime.Docker.Engine.Images;

/// <summary>Building, naming, pushing and removing images.</summary>
public interface IDockerImages
{
    /// <summary>
    /// Builds an image from a tar build context (the Dockerfile and files it copies). Every progress
    /// message is passed to <paramref name="onProgress"/> as it arrives. A failing step throws a
    /// <see cref="DockerBuildException"/> carrying the error line and the output before it.
    /// </summary>
    Task<ImageBuildResult> BuildAsync(
        ImageBuildRequest request, Stream tarContext, Action<ImageProgressMessage>? onProgress = null, CancellationToken ct = default);

    /// <summary>The image, or null when there is none by that name or id.</summary>
    Task<ImageInspect?> InspectAsync(string nameOrId, CancellationToken ct = default);

    Task<IReadOnlyList<ImageSummary>> ListAsync(DockerFilters? filters = null, CancellationToken ct = default);

    /// <summary>Gives the image another name: <paramref name="repository"/>:<paramref name="tag"/>.</summary>
    Task TagAsync(string nameOrId, string repository, string tag, CancellationToken ct = default);

    Task<IReadOnlyList<ImageDeleteItem>> RemoveAsync(string nameOrId, bool force = false, CancellationToken ct = default);

    /// <summary>
    /// Pushes repository:tag to the registry its name points at (127.0.0.1:5000/app:v3). Without
    /// credentials the engine is told "no auth", which a local registry accepts.
    /// </summary>
    Task<ImagePushResult> PushAsync(
        string repository, string tag, Action<ImageProgressMessage>? onProgress = null, RegistryCredentials? credentials = null, CancellationToken ct = default);

    /// <summary>
    /// Pulls repository:tag from its registry. A registry that cannot be reached or has no such image throws a
    /// <see cref="DockerEngineException"/> with the engine's reason.
    /// </summary>
    Task PullAsync(string repository, string tag, Action<ImageProgressMessage>? onProgress = null, CancellationToken ct = default);
}
