using Wharf.Core.Runtime;
using Wharf.Runtime.Docker.Engine;

namespace Wharf.Runtime.Docker.Runtime;

/// <summary><see cref="IImageStore"/> on the Docker engine: GET /images/json by reference, DELETE /images/{name} without force.</summary>
public sealed class DockerImageStore(IDockerClient docker) : IImageStore
{
    public async Task<IReadOnlyList<string>> ListTagsAsync(string repositoryPrefix, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(repositoryPrefix);
        var images = await docker.Images.ListAsync(DockerFilters.None.Add("reference", repositoryPrefix + "*"), ct);
        return [.. images
            .SelectMany(i => i.RepoTags ?? [])
            .Where(t => t.StartsWith(repositoryPrefix, StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)];
    }

    public async Task<bool> RemoveTagAsync(string tag, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(tag);
        try
        {
            await docker.Images.RemoveAsync(tag, force: false, ct);
            return true;
        }
        catch (DockerEngineException e) when (e.IsConflict || e.IsNotFound)
        {
            return false;
        }
    }
}
