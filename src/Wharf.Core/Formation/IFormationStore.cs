namespace Wharf.Core.Formation;

/// <summary>Scale overrides set with `wharf scale`: they win over the manifest's scale.count.</summary>
public interface IFormationStore
{
    /// <summary>Service name to process count, for the services that have an override.</summary>
    Task<IReadOnlyDictionary<string, int>> GetAsync(string app, CancellationToken ct = default);

    /// <summary>Sets (inserts or replaces) the counts of the given services in one transaction.</summary>
    Task SetAsync(string app, IReadOnlyDictionary<string, int> counts, CancellationToken ct = default);
}
