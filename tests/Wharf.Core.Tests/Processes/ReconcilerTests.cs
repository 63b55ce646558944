using Wharf.Core.Processes;
using Wharf.Core.Releases;
using Wharf.Core.Runtime;
using Wharf.Core.Tests.Fakes;

namespace Wharf.Core.Tests.Processes;

public sealed class ReconcilerTests : IDisposable
{
    private readonly ProcessHarness _h = new();

    [Fact]
    public async Task ReconcileAppAsync_NothingRuns_StartsTheFormationWithImageEnvAndLimits()
    {
        await _h.DeployAsync();

        await _h.ReconcileAsync();

        Assert.Equal(2, _h.Runtime.Running("web").Count);
        var worker = Assert.Single(_h.Runtime.Started, s => s.Service == "worker");
        Assert.Equal(("wharf/hello-worker:1", ProcessKind.Service, 1, "jobs"), (worker.Image, worker.Kind, worker.Release, worker.Environment["QUEUE"]));
        Assert.All(_h.Runtime.Started.Where(s => s.Service == "web"), s => Assert.Equal(("example/web:1", (int?)5000), (s.Image, s.Port)));
    }

    [Fact]
    public async Task ReconcileAppAsync_Crashed_RecordsExitAndRestartsAfterDoublingBackoff()
    {
        await _h.DeployAsync();
        await _h.ReconcileAsync();
        var first = _h.Runtime.Running("worker")[0];

        _h.Runtime.MarkExited(first.Id, 1, "boom");
        await _h.ReconcileAsync(TimeSpan.FromSeconds(5));
        Assert.Empty(_h.Runtime.Running("worker"));
        Assert.Contains(first.Id, _h.Runtime.Removed);
        var exit = Assert.Single(_h.Events.Exits);
        Assert.Equal((first.Id, (int?)1, true), (exit.ProcessId, exit.ExitCode, exit.Crashed));
        Assert.Equal(["boom"], exit.LastLines);

        await _h.ReconcileAsync(TimeSpan.FromSeconds(1));
        var second = Assert.Single(_h.Runtime.Running("worker"));

        _h.Runtime.MarkExited(second.Id, 1);
        await _h.ReconcileAsync();
        await _h.ReconcileAsync(TimeSpan.FromSeconds(1));
        Assert.Empty(_h.Runtime.Running("worker"));
        await _h.ReconcileAsync(TimeSpan.FromSeconds(1));
        Assert.Single(_h.Runtime.Running("worker"));
    }

    [Fact]
    public async Task ReconcileAppAsync_ThirdCrashInARow_ReportsCrashLoopAndShowsCrashedInPs()
    {
        await _h.DeployAsync();
        await _h.ReconcileAsync();
        for (var crash = 1; crash <= 3; crash++)
        {
            _h.Runtime.MarkExited(_h.Runtime.Running("worker")[0].Id, 3, $"attempt {crash}");
            await _h.ReconcileAsync();
            if (crash < 3)
            {
                await _h.ReconcileAsync(_h.Crashes.Backoff(crash));
            }
        }

        Assert.Contains("crash loop worker after 3", _h.Events.Lines);
        var row = Assert.Single(await _h.Listing.ListAsync(ProcessHarness.App), p => p.Service == "worker");
        Assert.Equal((null, "crashed", 3, (int?)3), (row.Id, row.State, row.Restarts, row.ExitCode));
        Assert.Equal(["attempt 3"], row.LastExit!.LastLines);
        Assert.Equal(_h.Clock.GetUtcNow() + TimeSpan.FromSeconds(4), row.NextAttemptAt);
    }

    [Fact]
    public async Task ReconcileAppAsync_OutOfMemory_RecordsItAsTheLastExit()
    {
        await _h.DeployAsync();
        await _h.ReconcileAsync();

        _h.Runtime.MarkOutOfMemory(_h.Runtime.Running("worker")[0].Id, "allocating");
        await _h.ReconcileAsync();

        var status = _h.Crashes.Status(ProcessHarness.App, "worker", _h.Clock.GetUtcNow());
        Assert.Equal((true, "was killed: out of memory"), (status.LastExit!.OutOfMemory, status.LastExit.Describe()));
    }

    [Fact]
    public async Task ReconcileAppAsync_ExitAfterLongRun_RestartsAtOnceWithoutBackoff()
    {
        await _h.DeployAsync();
        await _h.ReconcileAsync();
        _h.Clock.Advance(TimeSpan.FromMinutes(10));

        _h.Runtime.MarkExited(_h.Runtime.Running("worker")[0].Id, 0);
        await _h.ReconcileAsync();

        Assert.Single(_h.Runtime.Running("worker"));
        Assert.False(Assert.Single(_h.Events.Exits).Crashed);
    }

    [Fact]
    public async Task ReconcileAppAsync_UpForTheCrashWindowAfterCrashes_ResetsTheBackoff()
    {
        await _h.DeployAsync();
        await _h.ReconcileAsync();
        _h.Runtime.MarkExited(_h.Runtime.Running("worker")[0].Id, 1);
        await _h.ReconcileAsync();
        await _h.ReconcileAsync(TimeSpan.FromSeconds(1));

        await _h.ReconcileAsync(TimeSpan.FromSeconds(61));

        Assert.Equal(0, _h.Crashes.Status(ProcessHarness.App, "worker", _h.Clock.GetUtcNow()).ConsecutiveCrashes);
    }

    [Fact]
    public async Task ReconcileAppAsync_FormationLowered_StopsNewestFirst()
    {
        await _h.DeployAsync();
        await _h.ReconcileAsync();
        var webs = _h.Runtime.Running("web");
        await _h.Core.State.Formation.SetAsync(ProcessHarness.App, new Dictionary<string, int> { ["web"] = 1, ["worker"] = 0 });

        await _h.ReconcileAsync();

        Assert.Equal([webs[0].Id], _h.Runtime.Running("web").Select(p => p.Id));
        Assert.Contains(webs[1].Id, _h.Runtime.Stopped);
        Assert.Empty(_h.Runtime.Running("worker"));
    }

    [Fact]
    public async Task ReconcileAppAsync_OneOffsAndTimers_AreLeftAloneExceptExitedDetachedOneOffs()
    {
        var release = await _h.DeployAsync();
        await _h.ReconcileAsync();
        var snapshot = (await _h.Loader.CurrentAsync(ProcessHarness.App))!;
        var shell = await _h.Runtime.StartAsync(snapshot.Spec("worker", ProcessKind.OneOff, command: ["sh"]));
        var timer = await _h.Runtime.StartAsync(snapshot.Spec("worker", ProcessKind.Timer, "report"));
        var doneTimer = await _h.Runtime.StartAsync(snapshot.Spec("worker", ProcessKind.Timer, "report"));
        var attached = await _h.Runtime.StartAsync(snapshot.Spec("worker", ProcessKind.OneOff));
        var detached = await _h.Runtime.StartAsync(snapshot.Spec("worker", ProcessKind.OneOff));
        _h.Attached.Add(attached.Id);
        _h.Runtime.MarkExited(doneTimer.Id, 0);
        _h.Runtime.MarkExited(attached.Id, 0);
        _h.Runtime.MarkExited(detached.Id, 4, "bye");

        await _h.DeployAsync(ProcessHarness.Manifest.Replace("scale: 2", "scale: 1", StringComparison.Ordinal), build: 2);
        await _h.ReconcileAsync();

        Assert.Equal([detached.Id], _h.Runtime.Removed.Intersect([shell.Id, timer.Id, doneTimer.Id, attached.Id, detached.Id]));
        Assert.Empty(_h.Runtime.Stopped.Intersect([shell.Id, timer.Id, doneTimer.Id, attached.Id]));
        Assert.Contains(_h.Events.Exits, e => e.ProcessId == detached.Id && e.ExitCode == 4 && !e.Crashed);
        Assert.All(_h.Runtime.Running().Where(p => p.Kind == ProcessKind.Service), p => Assert.NotEqual(release.Version, p.Release));
    }

    [Fact]
    public async Task ReconcileAppAsync_AppLocked_SkipsIt()
    {
        await _h.DeployAsync();

        using (_h.Core.Locks.TryAcquire(ProcessHarness.App))
        {
            Assert.False(await _h.Reconciler.ReconcileAppAsync(ProcessHarness.App));
        }

        Assert.Empty(_h.Runtime.Started);
    }

    [Fact]
    public async Task ReconcileAppAsync_NewReconcilerOverRunningProcesses_AdoptsThemWithoutRestarts()
    {
        await _h.DeployAsync();
        await _h.ReconcileAsync();
        var before = _h.Runtime.Processes.Select(p => p.Id).ToList();
        var restarted = _h.NewReconciler(new CrashBook(_h.Options), new AttachedProcesses());

        Assert.True(await restarted.ReconcileAppAsync(ProcessHarness.App));

        Assert.Equal(before, _h.Runtime.Processes.Select(p => p.Id));
        Assert.Equal(3, _h.Runtime.Started.Count);
        Assert.Empty(_h.Runtime.Stopped);
    }

    [Fact]
    public async Task ReconcileAppAsync_NewRelease_StartsItsProcessesAndStopsTheOldOnes()
    {
        await _h.DeployAsync();
        await _h.ReconcileAsync();
        var old = _h.Runtime.Running().Select(p => p.Id).ToList();

        await _h.DeployAsync(build: 2);
        await _h.ReconcileAsync();

        Assert.Equal(old, _h.Runtime.Stopped);
        Assert.All(_h.Runtime.Running(), p => Assert.Equal(2, p.Release));
        Assert.Equal(3, _h.Runtime.Running().Count);
    }

    [Fact]
    public async Task ReconcileAppAsync_RequiredEnvMissing_ReportsTheKeyAndBacksOff()
    {
        await _h.DeployAsync("services:\n  worker:\n    build: .\n    environment:\n      - API_TOKEN\n");

        await _h.ReconcileAsync();
        await _h.ReconcileAsync();

        var failure = Assert.Single(_h.Events.Lines, l => l.StartsWith("failed", StringComparison.Ordinal));
        Assert.Contains("needs API_TOKEN, which is not set", failure, StringComparison.Ordinal);
        Assert.DoesNotContain(_h.Runtime.Started, s => s.Service == "worker");
    }

    [Fact]
    public async Task ReconcileAllAsync_OneAppFails_StillReconcilesTheOthers()
    {
        await _h.Core.CreateAppAsync("broken");
        var broken = await _h.Core.Releases.CreateAsync(CoreHarness.Alice, "broken", new ReleaseDraft(1, null, "services:\n  web:\n    image: ${IMAGE}\n", "Deploy"));
        await _h.Core.Releases.PromoteAsync(CoreHarness.Alice, "broken", broken.Version);
        await _h.DeployAsync();

        await _h.Reconciler.ReconcileAllAsync();

        Assert.Contains(_h.Events.Lines, l => l.StartsWith("failed reconcile: The wharf.yml of release 1 of app 'broken'", StringComparison.Ordinal));
        Assert.Equal(3, _h.Runtime.Running().Count);
    }

    public void Dispose() => _h.Dispose();
}
