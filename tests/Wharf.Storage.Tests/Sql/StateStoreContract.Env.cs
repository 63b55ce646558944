using System.Data.Common;

namespace Wharf.Storage.Tests.Sql;

public abstract partial class StateStoreContract
{
    [Fact]
    public async Task EnvTryInsert_NewVersion_GetReturnsTheSameSealedBytes()
    {
        await Store.Apps.TryCreateAsync(SampleData.App("hello"));
        var version = SampleData.Env("hello", 1);

        Assert.True(await Store.Env.TryInsertAsync(version));

        RecordAssert.Equal(version, await Store.Env.GetAsync("hello", 1));
    }

    [Fact]
    public async Task EnvTryInsert_VersionTaken_ReturnsFalseAndKeepsTheFirst()
    {
        await Store.Apps.TryCreateAsync(SampleData.App("hello"));
        var first = SampleData.Env("hello", 1);
        await Store.Env.TryInsertAsync(first);

        Assert.False(await Store.Env.TryInsertAsync(first with { Sealed = SampleData.Box(99) }));

        RecordAssert.Equal(first, await Store.Env.GetAsync("hello", 1));
    }

    [Fact]
    public async Task EnvTryInsert_UnknownApp_ThrowsInsteadOfReportingAConflict()
    {
        await Assert.ThrowsAnyAsync<DbException>(() => Store.Env.TryInsertAsync(SampleData.Env("ghost", 1)));
    }

    [Fact]
    public async Task EnvLatest_SeveralVersions_ReturnsTheHighest()
    {
        await Store.Apps.TryCreateAsync(SampleData.App("hello"));
        foreach (var v in new[] { 2, 10, 1 })
        {
            await Store.Env.TryInsertAsync(SampleData.Env("hello", v));
        }

        RecordAssert.Equal(SampleData.Env("hello", 10), await Store.Env.LatestAsync("hello"));
    }

    [Fact]
    public async Task EnvLatestAndGet_NoVersions_ReturnNull()
    {
        await Store.Apps.TryCreateAsync(SampleData.App("hello"));

        Assert.Null(await Store.Env.LatestAsync("hello"));
        Assert.Null(await Store.Env.GetAsync("hello", 1));
    }

    [Fact]
    public async Task EnvTryInsert_ManyWritersRaceForOneVersion_ExactlyOneWins()
    {
        await Store.Apps.TryCreateAsync(SampleData.App("hello"));

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Task.Run(() => Store.Env.TryInsertAsync(SampleData.Env("hello", 1) with { Sealed = SampleData.Box(i) }))));

        Assert.Single(results, won => won);
    }
}
