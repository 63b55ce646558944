using Wharf.Core.Config;

namespace Wharf.Core.Tests.Fakes;

public sealed class InMemoryEnvStore : IEnvStore
{
    private readonly List<EnvVersion> _versions = [];

    /// <summary>Runs before each insert; lets a test slip in a concurrent writer.</summary>
    public Func<EnvVersion, Task>? BeforeInsert { get; set; }

    /// <summary>When set, every insert loses the race.</summary>
    public bool AlwaysConflict { get; set; }

    public int InsertAttempts { get; private set; }

    public IReadOnlyList<EnvVersion> All => _versions;

    public Task<EnvVersion?> GetAsync(string app, int version, CancellationToken ct = default) =>
        Task.FromResult(_versions.FirstOrDefault(v => v.App == app && v.Version == version));

    public Task<EnvVersion?> LatestAsync(string app, CancellationToken ct = default) =>
        Task.FromResult(_versions.Where(v => v.App == app).MaxBy(v => v.Version));

    public async Task<bool> TryInsertAsync(EnvVersion version, CancellationToken ct = default)
    {
        InsertAttempts++;
        if (BeforeInsert is { } hook)
        {
            BeforeInsert = null;
            await hook(version);
        }

        if (AlwaysConflict || _versions.Any(v => v.App == version.App && v.Version == version.Version))
        {
            return false;
        }

        _versions.Add(version);
        return true;
    }

    public void Forget(string app) => _versions.RemoveAll(v => v.App == app);
}
