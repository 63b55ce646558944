namespace Wharf.Storage.Tests.Sql;

public abstract partial class StateStoreContract
{
    [Fact]
    public async Task ReleasesTryInsert_NewVersion_GetReturnsEveryField()
    {
        await Store.Apps.TryCreateAsync(SampleData.App("hello"));
        var release = SampleData.Release("hello", 1, build: 4, env: 2);

        Assert.True(await Store.Releases.TryInsertAsync(release));

        Assert.Equal(release, await Store.Releases.GetAsync("hello", 1));
    }

    [Fact]
    public async Task ReleasesTryInsert_NullBuildEnvAndManifest_RoundTripAsNull()
    {
        await Store.Apps.TryCreateAsync(SampleData.App("hello"));
        var release = SampleData.Release("hello", 1) with { Manifest = null };

        await Store.Releases.TryInsertAsync(release);

        Assert.Equal(release, await Store.Releases.GetAsync("hello", 1));
    }

    [Fact]
    public async Task ReleasesTryInsert_VersionTaken_ReturnsFalse()
    {
        await Store.Apps.TryCreateAsync(SampleData.App("hello"));
        await Store.Releases.TryInsertAsync(SampleData.Release("hello", 1));

        Assert.False(await Store.Releases.TryInsertAsync(SampleData.Release("hello", 1) with { Description = "second" }));

        Assert.Equal("Deploy 1", (await Store.Releases.GetAsync("hello", 1))!.Description);
    }

    [Fact]
    public async Task ReleasesLatest_SeveralVersions_ReturnsTheHighestOfThatApp()
    {
        await Store.Apps.TryCreateAsync(SampleData.App("hello"));
        await Store.Apps.TryCreateAsync(SampleData.App("other"));
        foreach (var v in new[] { 1, 3, 2 })
        {
            await Store.Releases.TryInsertAsync(SampleData.Release("hello", v));
        }

        await Store.Releases.TryInsertAsync(SampleData.Release("other", 50));

        Assert.Equal(3, (await Store.Releases.LatestAsync("hello"))!.Version);
        Assert.Null(await Store.Releases.LatestAsync("ghost"));
    }

    [Fact]
    public async Task ReleasesList_MoreThanTheLimit_NewestFirstUpToTheLimit()
    {
        await Store.Apps.TryCreateAsync(SampleData.App("hello"));
        for (var v = 1; v <= 7; v++)
        {
            await Store.Releases.TryInsertAsync(SampleData.Release("hello", v));
        }

        Assert.Equal([7, 6, 5], (await Store.Releases.ListAsync("hello", limit: 3)).Select(r => r.Version));
        Assert.Equal([7, 6, 5, 4, 3, 2, 1], (await Store.Releases.ListAsync("hello")).Select(r => r.Version));
        Assert.Empty(await Store.Releases.ListAsync("hello", limit: 0));
    }
}
