using System.Data.Common;

namespace Wharf.Storage.Tests.Sql;

public abstract partial class StateStoreContract
{
    [Fact]
    public async Task FormationGet_NoOverrides_ReturnsEmpty()
    {
        await Store.Apps.TryCreateAsync(SampleData.App("hello"));

        Assert.Empty(await Store.Formation.GetAsync("hello"));
        Assert.Empty(await Store.Formation.GetAsync("ghost"));
    }

    [Fact]
    public async Task FormationSet_SeveralServices_GetReturnsTheirCounts()
    {
        await Store.Apps.TryCreateAsync(SampleData.App("hello"));

        await Store.Formation.SetAsync("hello", new Dictionary<string, int> { ["web"] = 3, ["worker"] = 0, ["Web"] = 1 });

        Assert.Equal(
            new Dictionary<string, int> { ["web"] = 3, ["worker"] = 0, ["Web"] = 1 },
            await Store.Formation.GetAsync("hello"));
    }

    [Fact]
    public async Task FormationSet_AgainWithSomeServices_ReplacesThoseAndKeepsTheRest()
    {
        await Store.Apps.TryCreateAsync(SampleData.App("hello"));
        await Store.Formation.SetAsync("hello", new Dictionary<string, int> { ["web"] = 3, ["worker"] = 2 });

        await Store.Formation.SetAsync("hello", new Dictionary<string, int> { ["web"] = 5, ["clock"] = 1 });

        Assert.Equal(
            new Dictionary<string, int> { ["web"] = 5, ["worker"] = 2, ["clock"] = 1 },
            await Store.Formation.GetAsync("hello"));
    }

    [Fact]
    public async Task FormationGet_OtherAppsHaveOverrides_ReturnsOnlyThisAppsCounts()
    {
        await Store.Apps.TryCreateAsync(SampleData.App("hello"));
        await Store.Apps.TryCreateAsync(SampleData.App("other"));
        await Store.Formation.SetAsync("other", new Dictionary<string, int> { ["web"] = 9, ["worker"] = 4 });

        await Store.Formation.SetAsync("hello", new Dictionary<string, int> { ["web"] = 2 });

        Assert.Equal(new Dictionary<string, int> { ["web"] = 2 }, await Store.Formation.GetAsync("hello"));
        Assert.Equal(new Dictionary<string, int> { ["web"] = 9, ["worker"] = 4 }, await Store.Formation.GetAsync("other"));
    }

    [Fact]
    public async Task FormationSet_UnknownApp_Throws()
    {
        await Assert.ThrowsAnyAsync<DbException>(() => Store.Formation.SetAsync("ghost", new Dictionary<string, int> { ["web"] = 1 }));
    }

    [Fact]
    public async Task FormationSet_NegativeCount_ThrowsAndChangesNothing()
    {
        await Store.Apps.TryCreateAsync(SampleData.App("hello"));
        await Store.Formation.SetAsync("hello", new Dictionary<string, int> { ["web"] = 3 });

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => Store.Formation.SetAsync("hello", new Dictionary<string, int> { ["web"] = 1, ["worker"] = -1 }));

        Assert.Equal(new Dictionary<string, int> { ["web"] = 3 }, await Store.Formation.GetAsync("hello"));
    }

    [Fact]
    public async Task AppsDelete_AppWithFormation_RemovesItAndKeepsOtherAppsFormation()
    {
        foreach (var name in new[] { "hello", "other" })
        {
            await Store.Apps.TryCreateAsync(SampleData.App(name));
            await Store.Formation.SetAsync(name, new Dictionary<string, int> { ["web"] = 2 });
        }

        Assert.True(await Store.Apps.DeleteAsync("hello"));
        await Store.Apps.TryCreateAsync(SampleData.App("hello"));

        Assert.Empty(await Store.Formation.GetAsync("hello"));
        Assert.Equal(new Dictionary<string, int> { ["web"] = 2 }, await Store.Formation.GetAsync("other"));
    }
}
