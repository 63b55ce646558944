namespace Wharf.Core.Apps;

public interface IAppStore
{
    Task<App?> GetAsync(string name, CancellationToken ct = default);

    /// <summary>Apps ordered by name.</summary>
    Task<IReadOnlyList<App>> ListAsync(CancellationToken ct = default);

    /// <summary>Inserts the app; false when an app of that name already exists.</summary>
    Task<bool> TryCreateAsync(App app, CancellationToken ct = default);

    /// <summary>Deletes the app and everything recorded for it (env versions, builds, releases); false when absent.</summary>
    Task<bool> DeleteAsync(string name, CancellationToken ct = default);

    Task SetCurrentReleaseAsync(string name, int version, CancellationToken ct = default);
}
