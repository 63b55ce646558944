using Microsoft.Extensions.Logging.Abstractions;
using Wharf.Core.Apps;
using Wharf.Core.Builds;
using Wharf.Core.Releases;
using Wharf.Core.Tests.Fakes;

namespace Wharf.Core.Tests.Builds;

public sealed class ImagePrunerTests : IAsyncDisposable
{
    private static readonly DateTimeOffset _at = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);
    private readonly InMemoryStateStore _state = new();
    private readonly FakeImageStore _images = new();

    [Fact]
    public async Task PruneAsync_ManyDeploys_KeepsTheNewestReleasesBuildsAndTheCurrentOne()
    {
        // 30 deploys, each a build and a release; then a rollback made release 3 (build 3) current again.
        await AddAppAsync("shop", builds: 30, current: 3);

        var removed = await Pruner().PruneAsync();

        var kept = Enumerable.Range(21, 10).Append(3).Select(n => $"wharf/shop-web:{n}").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(kept, _images.Tags);
        Assert.Equal(30 - kept.Count, removed);
    }

    [Fact]
    public async Task PruneAsync_BuildsNotReleasedYet_NewestBuildsKept()
    {
        await AddAppAsync("shop", builds: 12, current: 12);

        // Three more builds without a release (one in progress, say), and a name no build lists yet.
        for (var n = 13; n <= 15; n++)
        {
            await AddBuildAsync("shop", n);
        }

        _images.Tags.Add("wharf/shop-web:16");

        await Pruner().PruneAsync();

        Assert.Equal(Enumerable.Range(3, 14).Select(n => $"wharf/shop-web:{n}").Order(StringComparer.Ordinal), _images.Tags);
    }

    [Fact]
    public async Task PruneAsync_NamesNoBuildOfThisServerLists_Untouched()
    {
        // Another Wharf server on the same engine (its apps unknown here), and images that are not Wharf's.
        await AddAppAsync("shop", builds: 14, current: 14);
        _images.Tags.Add("wharf/other-web:1");
        _images.Tags.Add("wharf/shop-admin-web:1");
        _images.Tags.Add("debian:bookworm-slim");

        await Pruner().PruneAsync();

        Assert.Equal(
            ["debian:bookworm-slim", "wharf/other-web:1", "wharf/shop-admin-web:1", .. Enumerable.Range(5, 10).Select(n => $"wharf/shop-web:{n}").Order(StringComparer.Ordinal)],
            _images.Tags);
    }

    [Fact]
    public async Task PruneAsync_NameInUse_KeptAndTriedAgainLater()
    {
        await AddAppAsync("shop", builds: 13, current: 13);
        _images.InUse.Add("wharf/shop-web:1");

        Assert.Equal(2, await Pruner().PruneAsync());
        Assert.Contains("wharf/shop-web:1", _images.Tags);

        _images.InUse.Clear();
        Assert.Equal(1, await Pruner().PruneAsync());
        Assert.DoesNotContain("wharf/shop-web:1", _images.Tags);
    }

    public ValueTask DisposeAsync() => _state.DisposeAsync();

    private ImagePruner Pruner() => new(_state, _images, NullLogger<ImagePruner>.Instance);

    private async Task AddAppAsync(string app, int builds, int current)
    {
        await _state.Apps.TryCreateAsync(new App(app, _at, null));
        for (var n = 1; n <= builds; n++)
        {
            await AddBuildAsync(app, n);
            await _state.Releases.TryInsertAsync(new Release(app, n, n, null, "services: {}", $"Deploy build {n}", "test", _at.AddMinutes(n)));
        }

        await _state.Apps.SetCurrentReleaseAsync(app, current);
    }

    private async Task AddBuildAsync(string app, int number)
    {
        var tag = $"wharf/{app}-web:{number}";
        _images.Tags.Add(tag);
        await _state.Builds.TryInsertAsync(new Build(
            app, number, BuildStatus.Succeeded, new Dictionary<string, string> { ["web"] = tag }, "services: {}", null, _at.AddMinutes(number), _at.AddMinutes(number)));
    }
}
