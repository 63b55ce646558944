using Wharf.Core.Releases;

namespace Wharf.Core.Tests.Fakes;

public sealed class InMemoryReleaseStore : IReleaseStore
{
    private readonly List<Release> _releases = [];

    /// <summary>Runs before each insert; lets a test slip in a concurrent writer.</summary>
    public Func<Release, Task>? BeforeInsert { get; set; }

    public Task<Release?> GetAsync(string app, int version, CancellationToken ct = default) =>
        Task.FromResult(_releases.FirstOrDefault(r => r.App == app && r.Version == version));

    public Task<Release?> LatestAsync(string app, CancellationToken ct = default) =>
        Task.FromResult(_releases.Where(r => r.App == app).MaxBy(r => r.Version));

    public Task<IReadOnlyList<Release>> ListAsync(string app, int limit = 50, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<Release>>([.. _releases.Where(r => r.App == app).OrderByDescending(r => r.Version).Take(limit)]);

    public async Task<bool> TryInsertAsync(Release release, CancellationToken ct = default)
    {
        if (BeforeInsert is { } hook)
        {
            BeforeInsert = null;
            await hook(release);
        }

        if (_releases.Any(r => r.App == release.App && r.Version == release.Version))
        {
            return false;
        }

        _releases.Add(release);
        return true;
    }

    public void Add(Release release) => _releases.Add(release);

    public void Forget(string app) => _releases.RemoveAll(r => r.App == app);
}
