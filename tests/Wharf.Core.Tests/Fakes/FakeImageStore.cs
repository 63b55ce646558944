using Wharf.Core.Runtime;

namespace Wharf.Core.Tests.Fakes;

/// <summary>An engine's image names in memory; names listed in <see cref="InUse"/> refuse removal, as the engine does.</summary>
public sealed class FakeImageStore : IImageStore
{
    public SortedSet<string> Tags { get; } = new(StringComparer.Ordinal);

    public HashSet<string> InUse { get; } = new(StringComparer.Ordinal);

    public Task<IReadOnlyList<string>> ListTagsAsync(string repositoryPrefix, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<string>>([.. Tags.Where(t => t.StartsWith(repositoryPrefix, StringComparison.Ordinal))]);

    public Task<bool> RemoveTagAsync(string tag, CancellationToken ct = default) =>
        Task.FromResult(!InUse.Contains(tag) && Tags.Remove(tag));
}
