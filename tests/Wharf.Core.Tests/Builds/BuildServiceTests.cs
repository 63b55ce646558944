using Wharf.Core.Builds;
using Wharf.Core.Errors;
using Wharf.Core.Tests.Fakes;

namespace Wharf.Core.Tests.Builds;

public sealed class BuildServiceTests
{
    private readonly CoreHarness _core = new();

    [Fact]
    public async Task ListAsync_TwoBuilds_NewestFirstWithLowercaseStatus()
    {
        await _core.CreateAppAsync();
        await _core.State.Builds.TryInsertAsync(Build(1, BuildStatus.Failed));
        await _core.State.Builds.TryInsertAsync(Build(2, BuildStatus.Succeeded));

        var builds = await _core.Builds.ListAsync("hello", null);

        Assert.Equal([(2, "succeeded"), (1, "failed")], builds.Select(b => (b.Number, b.Status)));
        Assert.Equal("hello:2", builds[0].Images["web"]);
    }

    [Fact]
    public async Task GetAsync_MissingBuild_ThrowsNotFound()
    {
        await _core.CreateAppAsync();

        var error = await Assert.ThrowsAsync<NotFoundException>(() => _core.Builds.GetAsync("hello", 4));

        Assert.Equal("Build 4 of app 'hello' does not exist: run `wharf builds -a hello` to see its builds.", error.Message);
    }

    [Fact]
    public async Task GetAsync_MissingApp_ThrowsNotFound()
    {
        await Assert.ThrowsAsync<NotFoundException>(() => _core.Builds.GetAsync("nope", 1));
    }

    private static Build Build(int number, BuildStatus status) =>
        new("hello", number, status, new Dictionary<string, string> { ["web"] = $"hello:{number}" }, null, null, DateTimeOffset.UnixEpoch, null);
}
