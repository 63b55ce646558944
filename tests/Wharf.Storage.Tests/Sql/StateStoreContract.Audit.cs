namespace Wharf.Storage.Tests.Sql;

public abstract partial class StateStoreContract
{
    [Fact]
    public async Task AuditAppend_TwoEvents_AssignsIncreasingIdsAndReturnsTheStoredEvent()
    {
        var first = await Store.Audit.AppendAsync(SampleData.Audit("hello"));
        var second = await Store.Audit.AppendAsync(SampleData.Audit("hello", "env.set", seconds: 1) with { Id = 999 });

        Assert.True(first.Id > 0);
        Assert.True(second.Id > first.Id);
        Assert.Equal(SampleData.Audit("hello", "env.set", seconds: 1) with { Id = second.Id }, second);
        Assert.Equal([second, first], await Store.Audit.ListAsync());
    }

    [Fact]
    public async Task AuditList_MoreThanTheLimit_NewestFirstUpToTheLimit()
    {
        for (var i = 0; i < 6; i++)
        {
            await Store.Audit.AppendAsync(SampleData.Audit($"app{i}", seconds: i));
        }

        var listed = await Store.Audit.ListAsync(limit: 4);

        Assert.Equal(["app5", "app4", "app3", "app2"], listed.Select(e => e.Target));
    }

    [Fact]
    public async Task AuditList_ForApp_MatchesTheAppAndItsChildrenOnly()
    {
        foreach (var target in new[] { "hello", "hello/release/4", "hello-world", "hellos/x", "other/hello", "hello/env" })
        {
            await Store.Audit.AppendAsync(SampleData.Audit(target));
        }

        var listed = await Store.Audit.ListAsync(app: "hello");

        Assert.Equal(["hello/env", "hello/release/4", "hello"], listed.Select(e => e.Target));
    }

    [Fact]
    public async Task AuditList_AppNameWithWildcardCharacters_MatchesLiterally()
    {
        await Store.Audit.AppendAsync(SampleData.Audit("a_b/x"));
        await Store.Audit.AppendAsync(SampleData.Audit("axb/x"));
        await Store.Audit.AppendAsync(SampleData.Audit("a%/x"));

        Assert.Equal(["a_b/x"], (await Store.Audit.ListAsync(app: "a_b")).Select(e => e.Target));
        Assert.Empty(await Store.Audit.ListAsync(app: "a%b"));
    }

    [Fact]
    public async Task AuditList_AfterAppDeleted_KeepsItsHistory()
    {
        await Store.Apps.TryCreateAsync(SampleData.App("hello"));
        await Store.Audit.AppendAsync(SampleData.Audit("hello"));

        await Store.Apps.DeleteAsync("hello");

        Assert.Single(await Store.Audit.ListAsync(app: "hello"));
    }
}
