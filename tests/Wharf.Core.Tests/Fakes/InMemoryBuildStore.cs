using Wharf.Core.Builds;

namespace Wharf.Core.Tests.Fakes;

public sealed class InMemoryBuildStore : IBuildStore
{
    private readonly List<Build> _builds = [];

    public Task<Build?> GetAsync(string app, int number, CancellationToken ct = default) =>
        Task.FromResult(_builds.FirstOrDefault(b => b.App == app && b.Number == number));

    public Task<IReadOnlyList<Build>> ListAsync(string app, int limit = 50, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<Build>>([.. _builds.Where(b => b.App == app).OrderByDescending(b => b.Number).Take(limit)]);

    public Task<int> LatestNumberAsync(string app, CancellationToken ct = default) =>
        Task.FromResult(_builds.Where(b => b.App == app).Select(b => b.Number).DefaultIfEmpty(0).Max());

    public Task<bool> TryInsertAsync(Build build, CancellationToken ct = default)
    {
        if (_builds.Any(b => b.App == build.App && b.Number == build.Number))
        {
            return Task.FromResult(false);
        }

        _builds.Add(build);
        return Task.FromResult(true);
    }

    public Task UpdateAsync(Build build, CancellationToken ct = default)
    {
        _builds[_builds.FindIndex(b => b.App == build.App && b.Number == build.Number)] = build;
        return Task.CompletedTask;
    }

    public void Forget(string app) => _builds.RemoveAll(b => b.App == app);
}
