namespace Wharf.Core.Runtime;

/// <summary>The images Wharf built, as the engine holds them: listed by name and untagged when no longer needed.</summary>
public interface IImageStore
{
    /// <summary>Every "repository:tag" name the engine holds whose repository starts with <paramref name="repositoryPrefix"/>.</summary>
    Task<IReadOnlyList<string>> ListTagsAsync(string repositoryPrefix, CancellationToken ct = default);

    /// <summary>
    /// Removes one name; the image's layers go once no name and no container is left on them. False when the engine keeps
    /// it because a container still uses it (that name is tried again next time) or it is gone already.
    /// </summary>
    Task<bool> RemoveTagAsync(string tag, CancellationToken ct = default);
}
