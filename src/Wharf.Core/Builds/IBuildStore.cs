namespace Wharf.Core.Builds;

public interface IBuildStore
{
    Task<Build?> GetAsync(string app, int number, CancellationToken ct = default);

    /// <summary>Newest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<Build>> ListAsync(string app, int limit = 50, CancellationToken ct = default);

    /// <summary>Highest build number recorded for the app, 0 when none.</summary>
    Task<int> LatestNumberAsync(string app, CancellationToken ct = default);

    /// <summary>Inserts the build; false when that number is taken (the caller retries with the next one).</summary>
    Task<bool> TryInsertAsync(Build build, CancellationToken ct = default);

    /// <summary>Replaces status, images, manifest, error and finish time of an existing build.</summary>
    Task UpdateAsync(Build build, CancellationToken ct = default);
}
