using System.Data.Common;
using Wharf.Core.Deployments;

namespace Wharf.Storage.Tests.Sql;

public abstract partial class StateStoreContract
{
    [Fact]
    public async Task DeploymentsTryInsert_NewId_GetReturnsEveryField()
    {
        await Store.Apps.TryCreateAsync(SampleData.App("hello"));
        var deployment = SampleData.Deployment("hello", 1, DeploymentStatus.RollingOut) with
        {
            Kind = "rollback",
            Build = 4,
            Release = 7,
            Error = "web did not become healthy",
            CreatedBy = "alice",
            FinishedAt = SampleData.At(30),
        };

        Assert.True(await Store.Deployments.TryInsertAsync(deployment));

        Assert.Equal(deployment, await Store.Deployments.GetAsync("hello", 1));
    }

    [Fact]
    public async Task DeploymentsTryInsert_IdTaken_ReturnsFalseAndKeepsTheFirst()
    {
        await Store.Apps.TryCreateAsync(SampleData.App("hello"));
        var first = SampleData.Deployment("hello", 1);
        await Store.Deployments.TryInsertAsync(first);

        Assert.False(await Store.Deployments.TryInsertAsync(SampleData.Deployment("hello", 1, DeploymentStatus.Failed, seconds: 5)));

        Assert.Equal(first, await Store.Deployments.GetAsync("hello", 1));
    }

    [Fact]
    public async Task DeploymentsTryInsert_UnknownApp_ThrowsInsteadOfReportingAConflict()
    {
        await Assert.ThrowsAnyAsync<DbException>(() => Store.Deployments.TryInsertAsync(SampleData.Deployment("ghost", 1)));
    }

    [Fact]
    public async Task DeploymentsGet_UnknownId_ReturnsNull()
    {
        await Store.Apps.TryCreateAsync(SampleData.App("hello"));
        await Store.Deployments.TryInsertAsync(SampleData.Deployment("hello", 1));

        Assert.Null(await Store.Deployments.GetAsync("hello", 2));
        Assert.Null(await Store.Deployments.GetAsync("ghost", 1));
    }

    [Fact]
    public async Task DeploymentsLatestId_NoneThenSeveral_ReturnsZeroThenTheHighestOfThatApp()
    {
        await Store.Apps.TryCreateAsync(SampleData.App("hello"));
        await Store.Apps.TryCreateAsync(SampleData.App("other"));
        Assert.Equal(0, await Store.Deployments.LatestIdAsync("hello"));

        foreach (var id in new[] { 3, 12, 5 })
        {
            await Store.Deployments.TryInsertAsync(SampleData.Deployment("hello", id));
        }

        await Store.Deployments.TryInsertAsync(SampleData.Deployment("other", 40));

        Assert.Equal(12, await Store.Deployments.LatestIdAsync("hello"));
    }

    [Fact]
    public async Task DeploymentsList_MoreThanTheLimit_NewestFirstUpToTheLimitOfThatApp()
    {
        await Store.Apps.TryCreateAsync(SampleData.App("hello"));
        await Store.Apps.TryCreateAsync(SampleData.App("other"));
        for (var id = 1; id <= 7; id++)
        {
            await Store.Deployments.TryInsertAsync(SampleData.Deployment("hello", id, seconds: id));
        }

        await Store.Deployments.TryInsertAsync(SampleData.Deployment("other", 99));

        Assert.Equal([7, 6, 5], (await Store.Deployments.ListAsync("hello", limit: 3)).Select(d => d.Id));
        Assert.Equal([7, 6, 5, 4, 3, 2, 1], (await Store.Deployments.ListAsync("hello")).Select(d => d.Id));
        Assert.Empty(await Store.Deployments.ListAsync("hello", limit: 0));
    }

    [Fact]
    public async Task DeploymentsListUnfinished_EveryStatusAcrossApps_OnlyQueuedBuildingAndRollingOutOldestFirst()
    {
        await Store.Apps.TryCreateAsync(SampleData.App("hello"));
        await Store.Apps.TryCreateAsync(SampleData.App("other"));
        await Store.Deployments.TryInsertAsync(SampleData.Deployment("hello", 1, DeploymentStatus.Succeeded, seconds: 1));
        await Store.Deployments.TryInsertAsync(SampleData.Deployment("hello", 2, DeploymentStatus.Queued, seconds: 40));
        await Store.Deployments.TryInsertAsync(SampleData.Deployment("hello", 3, DeploymentStatus.Failed, seconds: 2));
        await Store.Deployments.TryInsertAsync(SampleData.Deployment("other", 1, DeploymentStatus.RollingOut, seconds: 20));
        await Store.Deployments.TryInsertAsync(SampleData.Deployment("other", 2, DeploymentStatus.Cancelled, seconds: 3));
        await Store.Deployments.TryInsertAsync(SampleData.Deployment("other", 3, DeploymentStatus.Building, seconds: 30));
        await Store.Deployments.TryInsertAsync(SampleData.Deployment("hello", 4, DeploymentStatus.Building, seconds: 10));

        var unfinished = await Store.Deployments.ListUnfinishedAsync();

        Assert.Equal(
            [
                ("hello", 4, DeploymentStatus.Building),
                ("other", 1, DeploymentStatus.RollingOut),
                ("other", 3, DeploymentStatus.Building),
                ("hello", 2, DeploymentStatus.Queued),
            ],
            unfinished.Select(d => (d.App, d.Id, d.Status)));
    }

    [Fact]
    public async Task DeploymentsListUnfinished_NoneRunning_ReturnsEmpty()
    {
        await Store.Apps.TryCreateAsync(SampleData.App("hello"));
        await Store.Deployments.TryInsertAsync(SampleData.Deployment("hello", 1, DeploymentStatus.Succeeded));

        Assert.Empty(await Store.Deployments.ListUnfinishedAsync());
    }

    [Fact]
    public async Task DeploymentsUpdate_FinishedDeployment_ReplacesStatusBuildReleaseErrorAndFinishTimeOnly()
    {
        await Store.Apps.TryCreateAsync(SampleData.App("hello"));
        var deployment = SampleData.Deployment("hello", 1);
        await Store.Deployments.TryInsertAsync(deployment);
        var finished = deployment with
        {
            Status = DeploymentStatus.Failed,
            Build = 2,
            Release = 5,
            Error = "release 5: web exited with code 1\nError: listen EADDRINUSE",
            FinishedAt = SampleData.At(90),
        };

        await Store.Deployments.UpdateAsync(finished with { Kind = "promote", CreatedBy = "mallory", CreatedAt = SampleData.At(80) });

        Assert.Equal(finished, await Store.Deployments.GetAsync("hello", 1));
    }

    [Fact]
    public async Task DeploymentsUpdate_NullFields_ClearTheStoredValues()
    {
        await Store.Apps.TryCreateAsync(SampleData.App("hello"));
        var deployment = SampleData.Deployment("hello", 1, DeploymentStatus.Failed) with
        {
            Build = 2,
            Release = 5,
            Error = "failed",
            FinishedAt = SampleData.At(90),
        };
        await Store.Deployments.TryInsertAsync(deployment);
        var retried = deployment with { Status = DeploymentStatus.Queued, Build = null, Release = null, Error = null, FinishedAt = null };

        await Store.Deployments.UpdateAsync(retried);

        Assert.Equal(retried, await Store.Deployments.GetAsync("hello", 1));
    }

    [Fact]
    public async Task DeploymentsUpdate_UnknownDeployment_ThrowsNamingIt()
    {
        await Store.Apps.TryCreateAsync(SampleData.App("hello"));

        var ex = await Assert.ThrowsAsync<KeyNotFoundException>(() => Store.Deployments.UpdateAsync(SampleData.Deployment("hello", 4)));

        Assert.Contains("'hello'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeploymentsEveryStatus_RoundTrips()
    {
        await Store.Apps.TryCreateAsync(SampleData.App("hello"));
        var statuses = Enum.GetValues<DeploymentStatus>();
        for (var i = 0; i < statuses.Length; i++)
        {
            await Store.Deployments.TryInsertAsync(SampleData.Deployment("hello", i + 1, statuses[i]));
        }

        var listed = await Store.Deployments.ListAsync("hello");

        Assert.Equal(statuses, listed.OrderBy(d => d.Id).Select(d => d.Status));
    }

    [Fact]
    public async Task DeploymentsStatus_WrittenAsLowercaseText()
    {
        await Store.Apps.TryCreateAsync(SampleData.App("hello"));
        await Store.Deployments.TryInsertAsync(SampleData.Deployment("hello", 1, DeploymentStatus.RollingOut));
        await Store.Deployments.TryInsertAsync(SampleData.Deployment("hello", 2, DeploymentStatus.Cancelled));

        // Operators and other tools query these columns by hand; the spelling is part of the schema.
        await ExecuteSqlAsync("DELETE FROM deployments WHERE status IN ('rolling-out', 'cancelled')");

        Assert.Empty(await Store.Deployments.ListAsync("hello"));
    }

    [Fact]
    public async Task AppsDelete_AppWithDeployments_RemovesThemAndKeepsOtherAppsDeployments()
    {
        foreach (var name in new[] { "hello", "other" })
        {
            await Store.Apps.TryCreateAsync(SampleData.App(name));
            await Store.Deployments.TryInsertAsync(SampleData.Deployment(name, 1, DeploymentStatus.Building));
        }

        Assert.True(await Store.Apps.DeleteAsync("hello"));

        Assert.Equal(0, await Store.Deployments.LatestIdAsync("hello"));
        Assert.Equal(["other"], (await Store.Deployments.ListUnfinishedAsync()).Select(d => d.App));
        Assert.True(await Store.Apps.TryCreateAsync(SampleData.App("hello")));
        Assert.True(await Store.Deployments.TryInsertAsync(SampleData.Deployment("hello", 1)));
    }
}
