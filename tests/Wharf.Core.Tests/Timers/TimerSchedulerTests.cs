using Wharf.Core.Processes;
using Wharf.Core.Runtime;
using Wharf.Core.Tests.Fakes;
using Wharf.Core.Tests.Processes;
using Wharf.Core.Timers;

namespace Wharf.Core.Tests.Timers;

public sealed class TimerSchedulerTests : IDisposable
{
    private static readonly DateTimeOffset _start = new(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);
    private static readonly DateTimeOffset _firstDue = new(2025, 1, 2, 3, 5, 0, TimeSpan.Zero);

    private readonly ProcessHarness _h = new();

    [Fact]
    public async Task TickAsync_FirstSeen_WaitsForTheNextTimeInsteadOfCatchingUp()
    {
        await DeployAsync("forbid");

        await _h.Timers.TickAsync(_start);

        Assert.Empty(_h.Runtime.Started);
        Assert.Equal(_firstDue, (await _h.TimerList.ListAsync(ProcessHarness.App))[0].NextRun);
    }

    [Fact]
    public async Task TickAsync_Due_StartsATimerProcessOfTheServiceAndRecordsTheRun()
    {
        await DeployAsync("forbid");
        await _h.Timers.TickAsync(_start);

        await _h.Timers.TickAsync(_firstDue.AddSeconds(1));

        var spec = Assert.Single(_h.Runtime.Started);
        Assert.Equal((ProcessKind.Timer, "report", "wharf/hello-worker:1", "jobs"), (spec.Kind, spec.Timer, spec.Image, spec.Environment["QUEUE"]));
        Assert.Equal(["/bin/sh", "-c", "/bin/sh /app/report.sh"], spec.Command);
        var run = Assert.Single(await RunsAsync());
        Assert.Equal((_firstDue, TimerRunStatus.Running, _h.Runtime.Processes[0].Id), (run.ScheduledAt, run.Status, run.ProcessId));
    }

    [Theory]
    [InlineData(0, TimerRunStatus.Succeeded)]
    [InlineData(3, TimerRunStatus.Failed)]
    public async Task TickAsync_RunExits_RecordsItsExitCodeAndRemovesTheProcess(int code, TimerRunStatus status)
    {
        await DeployAsync("forbid");
        var process = await FireAsync();

        _h.Runtime.MarkExited(process.Id, code, "done");
        await _h.Work.IdleAsync();

        var run = Assert.Single(await RunsAsync());
        Assert.Equal((status, (int?)code), (run.Status, run.ExitCode));
        Assert.NotNull(run.FinishedAt);
        Assert.Contains(process.Id, _h.Runtime.Removed);
    }

    [Fact]
    public async Task TickAsync_ForbidAndStillRunning_RecordsASkippedRun()
    {
        await DeployAsync("forbid");
        var first = await FireAsync();

        await _h.Timers.TickAsync(_firstDue.AddMinutes(1).AddSeconds(1));

        Assert.Single(_h.Runtime.Started);
        var runs = await RunsAsync();
        Assert.Equal([TimerRunStatus.Skipped, TimerRunStatus.Running], runs.Select(r => r.Status));
        Assert.Equal((_firstDue.AddMinutes(1), (string?)null), (runs[0].ScheduledAt, runs[0].ProcessId));
        Assert.Equal(first.Id, runs[1].ProcessId);
    }

    [Fact]
    public async Task TickAsync_ReplaceAndStillRunning_StopsTheOldRunThenStartsANewOne()
    {
        await DeployAsync("replace");
        var first = await FireAsync();

        await _h.Timers.TickAsync(_firstDue.AddMinutes(1).AddSeconds(1));

        Assert.Equal([first.Id], _h.Runtime.Stopped);
        var runs = await RunsAsync();
        Assert.Equal([TimerRunStatus.Running, TimerRunStatus.Stopped], runs.Select(r => r.Status));
        Assert.Equal(_h.Runtime.Running()[^1].Id, runs[0].ProcessId);
    }

    [Fact]
    public async Task TickAsync_AllowAndStillRunning_StartsASecondRun()
    {
        await DeployAsync("allow");
        await FireAsync();

        await _h.Timers.TickAsync(_firstDue.AddMinutes(1).AddSeconds(1));

        Assert.Equal(2, _h.Runtime.Running().Count(p => p.Kind == ProcessKind.Timer));
        Assert.Equal([TimerRunStatus.Running, TimerRunStatus.Running], (await RunsAsync()).Select(r => r.Status));
    }

    [Fact]
    public async Task TickAsync_StartFails_RecordsAFailedRun()
    {
        await DeployAsync("forbid");
        _h.Runtime.Behaviour = _ => FakeProcessBehaviour.Runs with { StartError = "No such image" };

        await _h.Timers.TickAsync(_start);
        await _h.Timers.TickAsync(_firstDue);

        var run = Assert.Single(await RunsAsync());
        Assert.Equal((TimerRunStatus.Failed, (string?)null), (run.Status, run.ProcessId));
        Assert.Contains("failed start timer report: No such image", _h.Events.Lines);
    }

    [Fact]
    public async Task SettleAsync_RunsLeftRunning_FinishesEndedOnesAndWatchesTheOthers()
    {
        await DeployAsync("allow");
        var ended = await FireAsync();
        await _h.Timers.TickAsync(_firstDue.AddMinutes(1).AddSeconds(1));
        var running = _h.Runtime.Running()[^1];
        await _h.Work.StopAsync(TimeSpan.FromSeconds(5));
        _h.Runtime.MarkExited(ended.Id, 2);
        using var work = new BackgroundWork(_h.Events);
        using var restarted = new TimerScheduler(_h.Core.State, _h.Runtime, _h.Loader, work, _h.Events, _h.Clock);

        await restarted.SettleAsync();
        _h.Runtime.MarkExited(running.Id, 0);
        await work.IdleAsync();

        var runs = await RunsAsync();
        Assert.Equal([(TimerRunStatus.Succeeded, (int?)0), (TimerRunStatus.Failed, 2)], runs.Select(r => (r.Status, r.ExitCode)));
    }

    [Fact]
    public async Task SettleAsync_ProcessGone_MarksTheRunFailed()
    {
        await DeployAsync("forbid");
        var process = await FireAsync();
        await _h.Work.StopAsync(TimeSpan.FromSeconds(5));
        await _h.Runtime.RemoveAsync(process.Id);
        using var restarted = new TimerScheduler(_h.Core.State, _h.Runtime, _h.Loader, _h.Work, _h.Events, _h.Clock);

        await restarted.SettleAsync();

        var run = Assert.Single(await RunsAsync());
        Assert.Equal((TimerRunStatus.Failed, (int?)null), (run.Status, run.ExitCode));
    }

    [Fact]
    public async Task ListAsync_AfterRuns_ShowsScheduleNextRunAndLastRuns()
    {
        await DeployAsync("forbid");
        var process = await FireAsync();
        _h.Runtime.MarkExited(process.Id, 0);
        await _h.Work.IdleAsync();

        var timer = Assert.Single(await _h.TimerList.ListAsync(ProcessHarness.App));

        Assert.Equal(("report", "* * * * *", "worker", "forbid", (DateTimeOffset?)_firstDue.AddMinutes(1)), (timer.Name, timer.Schedule, timer.Service, timer.Concurrency, timer.NextRun));
        var run = Assert.Single(timer.LastRuns);
        Assert.Equal(("succeeded", (int?)0, process.Id), (run.Status, run.ExitCode, run.ProcessId));
    }

    public void Dispose() => _h.Dispose();

    private Task<Wharf.Core.Releases.Release> DeployAsync(string concurrency) => _h.DeployAsync(ProcessHarness.Manifest + $"""

        timers:
          report:
            schedule: "* * * * *"
            service: worker
            command: /bin/sh /app/report.sh
            concurrency: {concurrency}
        """);

    /// <summary>Lets the scheduler see the timer, then ticks past its first time; returns the process it started.</summary>
    private async Task<RuntimeProcess> FireAsync()
    {
        await _h.Timers.TickAsync(_start);
        await _h.Timers.TickAsync(_firstDue.AddSeconds(1));
        return _h.Runtime.Running().Last(p => p.Kind == ProcessKind.Timer);
    }

    private Task<IReadOnlyList<TimerRun>> RunsAsync() => _h.Core.State.TimerRuns.ListAsync(ProcessHarness.App, "report");
}
