namespace Wharf.Core.Releases;

public interface IReleaseStore
{
    Task<Release?> GetAsync(string app, int version, CancellationToken ct = default);

    /// <summary>The release with the highest version, or null.</summary>
    Task<Release?> LatestAsync(string app, CancellationToken ct = default);

    /// <summary>Newest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<Release>> ListAsync(string app, int limit = 50, CancellationToken ct = default);

    /// <summary>Inserts the release; false when that version is taken (the caller retries).</summary>
    Task<bool> TryInsertAsync(Release release, CancellationToken ct = default);
}
