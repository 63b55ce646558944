namespace Wharf.Core.Deployments;

public interface IDeploymentStore
{
    Task<Deployment?> GetAsync(string app, int id, CancellationToken ct = default);

    /// <summary>Newest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<Deployment>> ListAsync(string app, int limit = 50, CancellationToken ct = default);

    /// <summary>Deployments of every app that have not ended (queued, building, rolling out), oldest first.</summary>
    Task<IReadOnlyList<Deployment>> ListUnfinishedAsync(CancellationToken ct = default);

    /// <summary>Highest id recorded for the app, 0 when none.</summary>
    Task<int> LatestIdAsync(string app, CancellationToken ct = default);

    /// <summary>Inserts the deployment; false when that id is taken (the caller retries with the next one).</summary>
    Task<bool> TryInsertAsync(Deployment deployment, CancellationToken ct = default);

    /// <summary>Replaces status, build, release, error and finish time of an existing deployment.</summary>
    Task UpdateAsync(Deployment deployment, CancellationToken ct = default);
}
