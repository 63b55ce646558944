using Wharf.Core.Builds;
using Wharf.Core.Deployments;

namespace Wharf.Storage.Tests.Sql;

public abstract partial class StateStoreContract
{
    [Fact]
    public async Task MigrateAsync_CalledAgain_KeepsData()
    {
        await Store.Apps.TryCreateAsync(SampleData.App("hello"));

        await Store.MigrateAsync();
        await Store.MigrateAsync();

        Assert.NotNull(await Store.Apps.GetAsync("hello"));
    }

    [Fact]
    public async Task Reopen_AfterEveryKindOfWrite_NewStoreSeesEverything()
    {
        await Store.Apps.TryCreateAsync(SampleData.App("hello"));
        await Store.Env.TryInsertAsync(SampleData.Env("hello", 1));
        var build = SampleData.Build("hello", 1, BuildStatus.Succeeded) with { FinishedAt = SampleData.At(60) };
        await Store.Builds.TryInsertAsync(build);
        await Store.Releases.TryInsertAsync(SampleData.Release("hello", 1, build: 1, env: 1));
        await Store.Apps.SetCurrentReleaseAsync("hello", 1);
        var audit = await Store.Audit.AppendAsync(SampleData.Audit("hello/release/1"));
        var token = SampleData.Token("tok_1", "ci");
        await Store.Tokens.TryInsertAsync(token);
        var deployment = SampleData.Deployment("hello", 1, DeploymentStatus.Succeeded) with
        {
            Build = 1,
            Release = 1,
            FinishedAt = SampleData.At(70),
        };
        await Store.Deployments.TryInsertAsync(deployment);
        await Store.Formation.SetAsync("hello", new Dictionary<string, int> { ["web"] = 2 });
        var timerRun = await Store.TimerRuns.AppendAsync(SampleData.TimerRun("hello", "cleanup"));
        await Store.DisposeAsync();

        var reopened = await OpenAsync();

        Assert.Equal(SampleData.App("hello") with { CurrentRelease = 1 }, await reopened.Apps.GetAsync("hello"));
        RecordAssert.Equal(SampleData.Env("hello", 1), await reopened.Env.GetAsync("hello", 1));
        RecordAssert.Equal(build, await reopened.Builds.GetAsync("hello", 1));
        Assert.Equal(SampleData.Release("hello", 1, build: 1, env: 1), await reopened.Releases.GetAsync("hello", 1));
        Assert.Equal([audit], await reopened.Audit.ListAsync());
        RecordAssert.Equal(token, await reopened.Tokens.FindByHashAsync(token.Hash));
        Assert.Equal(deployment, await reopened.Deployments.GetAsync("hello", 1));
        Assert.Equal(new Dictionary<string, int> { ["web"] = 2 }, await reopened.Formation.GetAsync("hello"));
        Assert.Equal([timerRun], await reopened.TimerRuns.ListAsync("hello"));
    }

    [Fact]
    public async Task MigrateAsync_DatabaseAtVersion1WithData_AddsDeploymentsFormationAndTimerRunsAndKeepsTheData()
    {
        await Store.Apps.TryCreateAsync(SampleData.App("hello"));
        var build = SampleData.Build("hello", 1, BuildStatus.Succeeded);
        await Store.Builds.TryInsertAsync(build);
        await Store.DisposeAsync();

        // Undo migrations 2 and 3 by hand, leaving exactly what a Wharf that knew only version 1 wrote.
        await ExecuteSqlAsync(
            "DROP TABLE resources; DROP TABLE timer_runs; DROP TABLE formation; DROP TABLE deployments; DELETE FROM schema_version WHERE version >= 2;");

        var upgraded = await OpenAsync();
        await upgraded.MigrateAsync();

        Assert.NotNull(await upgraded.Apps.GetAsync("hello"));
        RecordAssert.Equal(build, await upgraded.Builds.GetAsync("hello", 1));
        Assert.True(await upgraded.Deployments.TryInsertAsync(SampleData.Deployment("hello", 1)));
        await upgraded.Formation.SetAsync("hello", new Dictionary<string, int> { ["web"] = 1 });
        await upgraded.TimerRuns.AppendAsync(SampleData.TimerRun("hello", "cleanup"));
        Assert.Single(await upgraded.Deployments.ListUnfinishedAsync());
        Assert.Single(await upgraded.Formation.GetAsync("hello"));
        Assert.Single(await upgraded.TimerRuns.ListRunningAsync());
    }

    [Fact]
    public async Task MigrateAsync_DatabaseFromANewerWharf_RefusesWithTheVersions()
    {
        await ExecuteSqlAsync("INSERT INTO schema_version (version, description, applied_at) "
            + "SELECT 999, 'from the future', applied_at FROM schema_version WHERE version = 1");

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => OpenAsync());

        Assert.Contains("999", ex.Message, StringComparison.Ordinal);
        Assert.Contains("newer Wharf", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Timestamps_MicrosecondPrecision_RoundTripExactlyInUtc()
    {
        var at = SampleData.T0.AddTicks(10);
        await Store.Apps.TryCreateAsync(SampleData.App("hello") with { CreatedAt = at });

        var read = (await Store.Apps.GetAsync("hello"))!.CreatedAt;

        Assert.Equal(at.UtcTicks, read.UtcTicks);
        Assert.Equal(TimeSpan.Zero, read.Offset);
    }

    [Fact]
    public async Task Timestamps_NonUtcOffset_ReadBackAsTheSameInstantInUtc()
    {
        var local = new DateTimeOffset(2025, 6, 1, 23, 30, 0, TimeSpan.FromHours(-7)).AddTicks(4_560);
        await Store.Apps.TryCreateAsync(SampleData.App("hello"));
        await Store.Builds.TryInsertAsync(SampleData.Build("hello", 1) with { CreatedAt = local, FinishedAt = local.AddMinutes(1) });

        var build = (await Store.Builds.GetAsync("hello", 1))!;

        Assert.Equal(local.UtcDateTime, build.CreatedAt.UtcDateTime);
        Assert.Equal(TimeSpan.Zero, build.CreatedAt.Offset);
        Assert.Equal(local.AddMinutes(1), build.FinishedAt);
    }

    [Fact]
    public async Task Timestamps_SubMicrosecondTicks_TruncatedToTheMicrosecondOnEveryBackend()
    {
        var audit = await Store.Audit.AppendAsync(SampleData.Audit("hello") with { At = SampleData.T0.AddTicks(7) });

        var read = Assert.Single(await Store.Audit.ListAsync());

        Assert.Equal(SampleData.T0, read.At);
        Assert.Equal(audit, read);
    }
}
