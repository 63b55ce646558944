using System.Data.Common;
using Wharf.Core.Resources;
using Wharf.Manifest;

namespace Wharf.Storage.Tests.Sql;

public abstract partial class StateStoreContract
{
    [Fact]
    public async Task ResourcesTryInsert_NewResource_GetReturnsTheSameTypeAndSealedBytes()
    {
        await Store.Apps.TryCreateAsync(SampleData.App("hello"));
        var record = Resource("hello", "main", ResourceType.Postgres, 1);

        Assert.True(await Store.Resources.TryInsertAsync(record));

        AssertSame(record, await Store.Resources.GetAsync("hello", "main"));
    }

    [Fact]
    public async Task ResourcesTryInsert_NameTaken_ReturnsFalseAndKeepsTheFirst()
    {
        await Store.Apps.TryCreateAsync(SampleData.App("hello"));
        var first = Resource("hello", "main", ResourceType.Postgres, 1);
        await Store.Resources.TryInsertAsync(first);

        Assert.False(await Store.Resources.TryInsertAsync(Resource("hello", "main", ResourceType.Redis, 2)));

        AssertSame(first, await Store.Resources.GetAsync("hello", "main"));
    }

    [Fact]
    public async Task ResourcesTryInsert_UnknownApp_ThrowsInsteadOfReportingAConflict()
    {
        await Assert.ThrowsAnyAsync<DbException>(() => Store.Resources.TryInsertAsync(Resource("ghost", "main", ResourceType.Postgres, 1)));
    }

    [Fact]
    public async Task ResourcesList_SeveralAppsAndTypes_ReturnsThisAppsByName()
    {
        await Store.Apps.TryCreateAsync(SampleData.App("hello"));
        await Store.Apps.TryCreateAsync(SampleData.App("other"));
        await Store.Resources.TryInsertAsync(Resource("hello", "main", ResourceType.Postgres, 1));
        await Store.Resources.TryInsertAsync(Resource("hello", "cache", ResourceType.Redis, 2));
        await Store.Resources.TryInsertAsync(Resource("other", "main", ResourceType.Postgres, 3));

        var list = await Store.Resources.ListAsync("hello");

        Assert.Equal([("cache", ResourceType.Redis), ("main", ResourceType.Postgres)], list.Select(r => (r.Name, r.Type)));
        Assert.Empty(await Store.Resources.ListAsync("ghost"));
    }

    [Fact]
    public async Task ResourcesDelete_OneResource_ForgetsOnlyIt()
    {
        await Store.Apps.TryCreateAsync(SampleData.App("hello"));
        await Store.Resources.TryInsertAsync(Resource("hello", "main", ResourceType.Postgres, 1));
        await Store.Resources.TryInsertAsync(Resource("hello", "cache", ResourceType.Redis, 2));

        Assert.True(await Store.Resources.DeleteAsync("hello", "main"));
        Assert.False(await Store.Resources.DeleteAsync("hello", "main"));

        Assert.Null(await Store.Resources.GetAsync("hello", "main"));
        Assert.NotNull(await Store.Resources.GetAsync("hello", "cache"));
    }

    [Fact]
    public async Task AppsDelete_AppWithResources_RemovesThemAndKeepsOtherAppsResources()
    {
        foreach (var name in new[] { "hello", "other" })
        {
            await Store.Apps.TryCreateAsync(SampleData.App(name));
            await Store.Resources.TryInsertAsync(Resource(name, "main", ResourceType.Postgres, 1));
        }

        Assert.True(await Store.Apps.DeleteAsync("hello"));
        await Store.Apps.TryCreateAsync(SampleData.App("hello"));

        Assert.Empty(await Store.Resources.ListAsync("hello"));
        Assert.NotNull(await Store.Resources.GetAsync("other", "main"));
    }

    [Fact]
    public async Task ResourcesGet_AfterReopening_IsStillThere()
    {
        await Store.Apps.TryCreateAsync(SampleData.App("hello"));
        var record = Resource("hello", "main", ResourceType.Redis, 4);
        await Store.Resources.TryInsertAsync(record);

        var reopened = await OpenAsync();

        AssertSame(record, await reopened.Resources.GetAsync("hello", "main"));
    }

    [Fact]
    public async Task MigrateAsync_DatabaseAtVersion2WithData_AddsResourcesAndKeepsTheData()
    {
        await Store.Apps.TryCreateAsync(SampleData.App("hello"));
        await Store.Formation.SetAsync("hello", new Dictionary<string, int> { ["web"] = 2 });
        await Store.DisposeAsync();

        // Undo migration 3 by hand, leaving exactly what a Wharf that knew only version 2 wrote.
        await ExecuteSqlAsync("DROP TABLE resources; DELETE FROM schema_version WHERE version >= 3;");

        var upgraded = await OpenAsync();

        Assert.Equal(new Dictionary<string, int> { ["web"] = 2 }, await upgraded.Formation.GetAsync("hello"));
        Assert.True(await upgraded.Resources.TryInsertAsync(Resource("hello", "main", ResourceType.Postgres, 1)));
        Assert.Single(await upgraded.Resources.ListAsync("hello"));
    }

    private static ResourceRecord Resource(string app, string name, ResourceType type, int seed) =>
        new(app, name, type, SampleData.Box(seed), SampleData.At(seed));

    private static void AssertSame(ResourceRecord expected, ResourceRecord? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal((expected.App, expected.Name, expected.Type, expected.CreatedAt), (actual.App, actual.Name, actual.Type, actual.CreatedAt));
        Assert.Equal(expected.Credentials.KeyId, actual.Credentials.KeyId);
        Assert.Equal(expected.Credentials.WrappedKey, actual.Credentials.WrappedKey);
        Assert.Equal(expected.Credentials.Nonce, actual.Credentials.Nonce);
        Assert.Equal(expected.Credentials.Ciphertext, actual.Credentials.Ciphertext);
        Assert.Equal(expected.Credentials.Tag, actual.Credentials.Tag);
    }
}
