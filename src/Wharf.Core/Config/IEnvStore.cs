namespace Wharf.Core.Config;

public interface IEnvStore
{
    Task<EnvVersion?> GetAsync(string app, int version, CancellationToken ct = default);

    /// <summary>The version with the highest number, or null.</summary>
    Task<EnvVersion?> LatestAsync(string app, CancellationToken ct = default);

    /// <summary>Inserts the version; false when that number is taken (the caller re-reads and retries).</summary>
    Task<bool> TryInsertAsync(EnvVersion version, CancellationToken ct = default);
}
