using System.Data.Common;
using Wharf.Core.Timers;

namespace Wharf.Storage.Tests.Sql;

public abstract partial class StateStoreContract
{
    [Fact]
    public async Task TimerRunsAppend_TwoRuns_AssignsIncreasingIdsAndListReturnsEveryField()
    {
        await Store.Apps.TryCreateAsync(SampleData.App("hello"));

        var first = await Store.TimerRuns.AppendAsync(SampleData.TimerRun("hello", "cleanup", seconds: 60));
        var second = await Store.TimerRuns.AppendAsync(SampleData.TimerRun("hello", "cleanup", seconds: 120) with { Id = 999 });

        Assert.True(first.Id > 0);
        Assert.True(second.Id > first.Id);
        Assert.Equal(SampleData.TimerRun("hello", "cleanup", seconds: 120) with { Id = second.Id }, second);
        Assert.Equal([second, first], await Store.TimerRuns.ListAsync("hello"));
    }

    [Fact]
    public async Task TimerRunsAppend_SkippedRunWithoutStartOrProcess_NullsRoundTrip()
    {
        await Store.Apps.TryCreateAsync(SampleData.App("hello"));
        var skipped = SampleData.TimerRun("hello", "report", status: TimerRunStatus.Skipped) with
        {
            StartedAt = null,
            ProcessId = null,
        };

        var appended = await Store.TimerRuns.AppendAsync(skipped);

        Assert.Equal(skipped with { Id = appended.Id }, Assert.Single(await Store.TimerRuns.ListAsync("hello")));
    }

    [Fact]
    public async Task TimerRunsAppend_SubMicrosecondTicks_ReturnsTheStoredTimes()
    {
        await Store.Apps.TryCreateAsync(SampleData.App("hello"));
        var run = SampleData.TimerRun("hello", "cleanup") with
        {
            ScheduledAt = SampleData.T0.AddTicks(3),
            StartedAt = SampleData.T0.AddTicks(5),
            FinishedAt = SampleData.T0.AddTicks(7),
        };

        var appended = await Store.TimerRuns.AppendAsync(run);

        Assert.Equal(SampleData.T0, appended.ScheduledAt);
        Assert.Equal(appended, Assert.Single(await Store.TimerRuns.ListAsync("hello")));
    }

    [Fact]
    public async Task TimerRunsAppend_UnknownApp_Throws()
    {
        await Assert.ThrowsAnyAsync<DbException>(() => Store.TimerRuns.AppendAsync(SampleData.TimerRun("ghost", "cleanup")));
    }

    [Fact]
    public async Task TimerRunsUpdate_FinishedRun_ReplacesTimesStatusExitCodeAndProcessOnly()
    {
        await Store.Apps.TryCreateAsync(SampleData.App("hello"));
        var run = await Store.TimerRuns.AppendAsync(SampleData.TimerRun("hello", "cleanup") with { ProcessId = null });
        var finished = run with
        {
            StartedAt = SampleData.At(44),
            FinishedAt = SampleData.At(45),
            Status = TimerRunStatus.Failed,
            ExitCode = 137,
            ProcessId = "proc-7f3a",
        };

        await Store.TimerRuns.UpdateAsync(finished with { Timer = "renamed", Release = 99, ScheduledAt = SampleData.At(500) });

        Assert.Equal(finished, Assert.Single(await Store.TimerRuns.ListAsync("hello")));
    }

    [Fact]
    public async Task TimerRunsUpdate_NullFields_ClearTheStoredValues()
    {
        await Store.Apps.TryCreateAsync(SampleData.App("hello"));
        var run = await Store.TimerRuns.AppendAsync(
            SampleData.TimerRun("hello", "cleanup", status: TimerRunStatus.Succeeded) with { FinishedAt = SampleData.At(5), ExitCode = 0 });
        var reset = run with { FinishedAt = null, Status = TimerRunStatus.Running, ExitCode = null, ProcessId = null };

        await Store.TimerRuns.UpdateAsync(reset);

        Assert.Equal(reset, Assert.Single(await Store.TimerRuns.ListAsync("hello")));
    }

    [Fact]
    public async Task TimerRunsUpdate_UnknownRun_ThrowsNamingIt()
    {
        await Store.Apps.TryCreateAsync(SampleData.App("hello"));

        var ex = await Assert.ThrowsAsync<KeyNotFoundException>(
            () => Store.TimerRuns.UpdateAsync(SampleData.TimerRun("hello", "cleanup") with { Id = 4242 }));

        Assert.Contains("4242", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TimerRunsList_ByTimerWithLimit_NewestScheduledFirstOfThatTimerOnly()
    {
        await Store.Apps.TryCreateAsync(SampleData.App("hello"));
        await Store.Apps.TryCreateAsync(SampleData.App("other"));
        foreach (var seconds in new[] { 300, 60, 240, 120, 180 })
        {
            await Store.TimerRuns.AppendAsync(SampleData.TimerRun("hello", "cleanup", seconds));
        }

        await Store.TimerRuns.AppendAsync(SampleData.TimerRun("hello", "report", seconds: 1000));
        await Store.TimerRuns.AppendAsync(SampleData.TimerRun("other", "cleanup", seconds: 2000));

        var listed = await Store.TimerRuns.ListAsync("hello", "cleanup", limit: 3);

        Assert.Equal([SampleData.At(300), SampleData.At(240), SampleData.At(180)], listed.Select(r => r.ScheduledAt));
        Assert.All(listed, r => Assert.Equal(("hello", "cleanup"), (r.App, r.Timer)));
        Assert.Equal(5, (await Store.TimerRuns.ListAsync("hello", "cleanup")).Count);
        Assert.Empty(await Store.TimerRuns.ListAsync("hello", "cleanup", limit: 0));
        Assert.Empty(await Store.TimerRuns.ListAsync("hello", "unknown"));
    }

    [Fact]
    public async Task TimerRunsList_EveryTimerWithLimit_NewestScheduledFirstOfThatAppOnly()
    {
        await Store.Apps.TryCreateAsync(SampleData.App("hello"));
        await Store.Apps.TryCreateAsync(SampleData.App("other"));
        await Store.TimerRuns.AppendAsync(SampleData.TimerRun("hello", "cleanup", seconds: 10));
        await Store.TimerRuns.AppendAsync(SampleData.TimerRun("hello", "report", seconds: 30));
        await Store.TimerRuns.AppendAsync(SampleData.TimerRun("hello", "cleanup", seconds: 20));
        await Store.TimerRuns.AppendAsync(SampleData.TimerRun("other", "report", seconds: 40));

        var listed = await Store.TimerRuns.ListAsync("hello", limit: 2);

        Assert.Equal([("report", SampleData.At(30)), ("cleanup", SampleData.At(20))], listed.Select(r => (r.Timer, r.ScheduledAt)));
        Assert.Equal(3, (await Store.TimerRuns.ListAsync("hello")).Count);
    }

    [Fact]
    public async Task TimerRunsListRunning_RunsOfSeveralApps_OnlyRunningOldestScheduledFirst()
    {
        await Store.Apps.TryCreateAsync(SampleData.App("hello"));
        await Store.Apps.TryCreateAsync(SampleData.App("other"));
        var late = await Store.TimerRuns.AppendAsync(SampleData.TimerRun("hello", "cleanup", seconds: 90));
        await Store.TimerRuns.AppendAsync(SampleData.TimerRun("hello", "cleanup", seconds: 10, TimerRunStatus.Succeeded));
        var early = await Store.TimerRuns.AppendAsync(SampleData.TimerRun("other", "report", seconds: 30));
        await Store.TimerRuns.AppendAsync(SampleData.TimerRun("other", "report", seconds: 5, TimerRunStatus.Skipped));
        var stopped = await Store.TimerRuns.AppendAsync(SampleData.TimerRun("hello", "report", seconds: 1));
        await Store.TimerRuns.UpdateAsync(stopped with { Status = TimerRunStatus.Stopped, FinishedAt = SampleData.At(2) });

        Assert.Equal([early, late], await Store.TimerRuns.ListRunningAsync());
    }

    [Fact]
    public async Task TimerRunsStatus_EveryStatusRoundTripsAndIsWrittenAsLowercaseText()
    {
        await Store.Apps.TryCreateAsync(SampleData.App("hello"));
        var statuses = Enum.GetValues<TimerRunStatus>();
        for (var i = 0; i < statuses.Length; i++)
        {
            await Store.TimerRuns.AppendAsync(SampleData.TimerRun("hello", "cleanup", seconds: i, statuses[i]));
        }

        Assert.Equal(statuses, (await Store.TimerRuns.ListAsync("hello")).Reverse().Select(r => r.Status));

        await ExecuteSqlAsync("DELETE FROM timer_runs WHERE status IN ('running', 'succeeded', 'failed', 'skipped', 'stopped')");

        Assert.Empty(await Store.TimerRuns.ListAsync("hello"));
    }

    [Fact]
    public async Task AppsDelete_AppWithTimerRuns_RemovesThemAndKeepsOtherAppsRuns()
    {
        foreach (var name in new[] { "hello", "other" })
        {
            await Store.Apps.TryCreateAsync(SampleData.App(name));
            await Store.TimerRuns.AppendAsync(SampleData.TimerRun(name, "cleanup"));
        }

        Assert.True(await Store.Apps.DeleteAsync("hello"));

        Assert.Empty(await Store.TimerRuns.ListAsync("hello"));
        Assert.Equal(["other"], (await Store.TimerRuns.ListRunningAsync()).Select(r => r.App));
        Assert.Single(await Store.TimerRuns.ListAsync("other"));
    }
}
