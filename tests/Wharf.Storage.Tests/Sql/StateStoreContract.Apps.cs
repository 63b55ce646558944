using Wharf.Core.Builds;

namespace Wharf.Storage.Tests.Sql;

public abstract partial class StateStoreContract
{
    [Fact]
    public async Task AppsTryCreate_NewName_GetReturnsIt()
    {
        var app = SampleData.App("hello");

        Assert.True(await Store.Apps.TryCreateAsync(app));

        Assert.Equal(app, await Store.Apps.GetAsync("hello"));
    }

    [Fact]
    public async Task AppsTryCreate_NameTaken_ReturnsFalseAndKeepsTheFirst()
    {
        var first = SampleData.App("hello", seconds: 1);
        await Store.Apps.TryCreateAsync(first);

        Assert.False(await Store.Apps.TryCreateAsync(SampleData.App("hello", seconds: 2) with { CurrentRelease = 9 }));

        Assert.Equal(first, await Store.Apps.GetAsync("hello"));
    }

    [Fact]
    public async Task AppsGet_UnknownName_ReturnsNull()
    {
        Assert.Null(await Store.Apps.GetAsync("nope"));
    }

    [Fact]
    public async Task AppsList_SeveralApps_OrderedByName()
    {
        foreach (var name in new[] { "zeta", "alpha", "mid", "Beta" })
        {
            await Store.Apps.TryCreateAsync(SampleData.App(name));
        }

        var names = (await Store.Apps.ListAsync()).Select(a => a.Name);

        Assert.Equal(["Beta", "alpha", "mid", "zeta"], names);
    }

    [Fact]
    public async Task AppsSetCurrentRelease_ExistingApp_IsReadBack()
    {
        await Store.Apps.TryCreateAsync(SampleData.App("hello"));

        await Store.Apps.SetCurrentReleaseAsync("hello", 7);

        Assert.Equal(7, (await Store.Apps.GetAsync("hello"))!.CurrentRelease);
    }

    [Fact]
    public async Task AppsSetCurrentRelease_UnknownApp_ThrowsNamingTheApp()
    {
        var ex = await Assert.ThrowsAsync<KeyNotFoundException>(() => Store.Apps.SetCurrentReleaseAsync("ghost", 1));

        Assert.Contains("'ghost'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AppsDelete_AppWithHistory_RemovesEnvBuildsAndReleasesOfThatAppOnly()
    {
        foreach (var name in new[] { "hello", "other" })
        {
            await Store.Apps.TryCreateAsync(SampleData.App(name));
            await Store.Env.TryInsertAsync(SampleData.Env(name, 1));
            await Store.Builds.TryInsertAsync(SampleData.Build(name, 1));
            await Store.Releases.TryInsertAsync(SampleData.Release(name, 1, build: 1, env: 1));
        }

        Assert.True(await Store.Apps.DeleteAsync("hello"));

        Assert.Null(await Store.Apps.GetAsync("hello"));
        Assert.Null(await Store.Env.LatestAsync("hello"));
        Assert.Equal(0, await Store.Builds.LatestNumberAsync("hello"));
        Assert.Null(await Store.Releases.LatestAsync("hello"));
        Assert.NotNull(await Store.Apps.GetAsync("other"));
        Assert.NotNull(await Store.Env.GetAsync("other", 1));
        Assert.NotNull(await Store.Builds.GetAsync("other", 1));
        Assert.NotNull(await Store.Releases.GetAsync("other", 1));
    }

    [Fact]
    public async Task AppsDelete_UnknownApp_ReturnsFalse()
    {
        Assert.False(await Store.Apps.DeleteAsync("ghost"));
    }

    [Fact]
    public async Task AppsDelete_ThenCreateAgain_StartsWithNoHistory()
    {
        await Store.Apps.TryCreateAsync(SampleData.App("hello"));
        await Store.Builds.TryInsertAsync(SampleData.Build("hello", 1, BuildStatus.Succeeded));
        await Store.Apps.DeleteAsync("hello");

        Assert.True(await Store.Apps.TryCreateAsync(SampleData.App("hello")));

        Assert.True(await Store.Builds.TryInsertAsync(SampleData.Build("hello", 1)));
        Assert.Equal(BuildStatus.Pending, (await Store.Builds.GetAsync("hello", 1))!.Status);
    }
}
