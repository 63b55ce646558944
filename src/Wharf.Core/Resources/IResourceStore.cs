namespace Wharf.Core.Resources;

/// <summary>The resources provisioned for each app (their sealed credentials); see <see cref="ResourceRecord"/>.</summary>
public interface IResourceStore
{
    /// <summary>The app's resources, by name.</summary>
    Task<IReadOnlyList<ResourceRecord>> ListAsync(string app, CancellationToken ct = default);

    Task<ResourceRecord?> GetAsync(string app, string name, CancellationToken ct = default);

    /// <summary>Inserts the record; false when the app already has a resource of that name (the caller re-reads it).</summary>
    Task<bool> TryInsertAsync(ResourceRecord record, CancellationToken ct = default);

    /// <summary>Forgets the resource; false when there was none.</summary>
    Task<bool> DeleteAsync(string app, string name, CancellationToken ct = default);
}
