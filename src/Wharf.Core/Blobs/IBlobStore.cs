namespace Wharf.Core.Blobs;

/// <summary>
/// Stores opaque blobs (build contexts, build logs) by key, e.g. "apps/hello/builds/3/context.tar".
/// Implementations (filesystem, S3) are picked by <see cref="Name"/> from configuration. A put is atomic:
/// readers see the whole old blob or the whole new one, never a part.
/// </summary>
public interface IBlobStore
{
    string Name { get; }

    Task PutAsync(string key, Stream content, CancellationToken ct = default);

    /// <summary>Opens the blob for reading, or returns null when there is none.</summary>
    Task<Stream?> OpenReadAsync(string key, CancellationToken ct = default);

    Task<bool> ExistsAsync(string key, CancellationToken ct = default);

    /// <summary>Deletes the blob; false when there was none.</summary>
    Task<bool> DeleteAsync(string key, CancellationToken ct = default);

    /// <summary>Keys that start with <paramref name="prefix"/>, in ordinal order.</summary>
    Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken ct = default);
}
