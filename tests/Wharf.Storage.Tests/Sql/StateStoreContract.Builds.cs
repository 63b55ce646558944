using Wharf.Core.Builds;

namespace Wharf.Storage.Tests.Sql;

public abstract partial class StateStoreContract
{
    [Fact]
    public async Task BuildsTryInsert_NewNumber_GetReturnsEveryField()
    {
        await Store.Apps.TryCreateAsync(SampleData.App("hello"));
        var build = SampleData.Build("hello", 1);

        Assert.True(await Store.Builds.TryInsertAsync(build));

        RecordAssert.Equal(build, await Store.Builds.GetAsync("hello", 1));
    }

    [Fact]
    public async Task BuildsTryInsert_NumberTaken_ReturnsFalse()
    {
        await Store.Apps.TryCreateAsync(SampleData.App("hello"));
        await Store.Builds.TryInsertAsync(SampleData.Build("hello", 1));

        Assert.False(await Store.Builds.TryInsertAsync(SampleData.Build("hello", 1, BuildStatus.Failed)));

        Assert.Equal(BuildStatus.Pending, (await Store.Builds.GetAsync("hello", 1))!.Status);
    }

    [Fact]
    public async Task BuildsLatestNumber_NoneThenSeveral_ReturnsZeroThenTheHighest()
    {
        await Store.Apps.TryCreateAsync(SampleData.App("hello"));
        Assert.Equal(0, await Store.Builds.LatestNumberAsync("hello"));

        foreach (var n in new[] { 3, 12, 5 })
        {
            await Store.Builds.TryInsertAsync(SampleData.Build("hello", n));
        }

        Assert.Equal(12, await Store.Builds.LatestNumberAsync("hello"));
    }

    [Fact]
    public async Task BuildsList_MoreThanTheLimit_NewestFirstUpToTheLimit()
    {
        await Store.Apps.TryCreateAsync(SampleData.App("hello"));
        await Store.Apps.TryCreateAsync(SampleData.App("other"));
        for (var n = 1; n <= 12; n++)
        {
            await Store.Builds.TryInsertAsync(SampleData.Build("hello", n));
        }

        await Store.Builds.TryInsertAsync(SampleData.Build("other", 99));

        Assert.Equal([12, 11, 10, 9, 8], (await Store.Builds.ListAsync("hello", limit: 5)).Select(b => b.Number));
        Assert.Equal(12, (await Store.Builds.ListAsync("hello")).Count);
    }

    [Fact]
    public async Task BuildsUpdate_FinishedBuild_ReplacesStatusImagesErrorAndFinishTime()
    {
        await Store.Apps.TryCreateAsync(SampleData.App("hello"));
        var build = SampleData.Build("hello", 1);
        await Store.Builds.TryInsertAsync(build);
        var finished = build with
        {
            Status = BuildStatus.Failed,
            Images = new Dictionary<string, string> { ["web"] = "hello-web@sha256:abc" },
            Manifest = "name: hello\nservices: {}\n",
            Error = "step 3/7 failed: exit code 2",
            FinishedAt = SampleData.At(90),
        };

        await Store.Builds.UpdateAsync(finished);

        RecordAssert.Equal(finished, await Store.Builds.GetAsync("hello", 1));
    }

    [Fact]
    public async Task BuildsUpdate_UnknownBuild_Throws()
    {
        await Store.Apps.TryCreateAsync(SampleData.App("hello"));

        await Assert.ThrowsAsync<KeyNotFoundException>(() => Store.Builds.UpdateAsync(SampleData.Build("hello", 4)));
    }
}
