using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Wharf.Core.Processes;
using Wharf.Core.Routing;
using Wharf.Core.Tests.Fakes;
using Wharf.Core.Tests.Processes;

namespace Wharf.Core.Tests.Deployments;

/// <summary>Rollouts of services whose <c>deployment</c> bounds forbid starting every new process at once.</summary>
public sealed class RollingRolloutTests : IDisposable
{
    private const string Surge50 = DeploymentHarness.WebManifest + "\n    deployment:\n      maximum: 150\n";
    private const string StopFirst = DeploymentHarness.WebManifest + "\n    deployment:\n      minimum: 50\n      maximum: 100\n";

    private readonly DeploymentHarness _h = new();
    private readonly ConcurrentQueue<IReadOnlyList<string>> _oldStarts = new();
    private int _peak;

    [Fact]
    public async Task Deploy_FourWebsMaximum150_NeverMoreThanSixRunningKeepsFourInRotationEndsWithFourNew()
    {
        await DeployFourAsync(Surge50);
        var old = _h.Running(1).Select(p => p.Id).ToHashSet();
        var tablesBefore = _h.Routing.Router.Tables.Count;

        var done = await _h.DeployAsync(Surge50, ("app.py", "v2"));

        Assert.Equal(("succeeded", 2), (done.Status, await _h.CurrentReleaseAsync()));
        Assert.Equal((4, 0), (_h.Running(2).Count, _h.Running(1).Count));
        Assert.Equal(6, _peak);
        var tables = _h.Routing.Router.Tables.Skip(tablesBefore).Select(Backends).ToList();
        Assert.All(tables, t => Assert.InRange(t.Count, 4, 6));
        Assert.All(tables, t => Assert.All(t, b => Assert.True(b.Ready)));
        Assert.Contains(tables, t => t.Any(b => b.Release == 1) && t.Any(b => b.Release == 2));
        Assert.Equal(_h.Running(2).Select(p => p.Id).Order(), tables[^1].Select(b => b.ProcessId).Order());
        Assert.All(old, id => Assert.Contains(id, _h.Runtime.Stopped));
        Assert.Equal(4, _h.Routing.Router.Calls.Count(c => c.Kind == "drain"));
        var log = await _h.LogAsync(done.Id);
        Assert.Contains("web: rolling in steps: at most 6 processes running, at least 4 in rotation", log);
        Assert.Contains("web: 2 of 4 new processes in rotation; 2 old ones draining; 2 old still serving", log);
        Assert.Contains("web: 4 of 4 new processes in rotation; 2 old ones draining", log);
        Assert.Contains("Router: release 2 in rotation (4 processes)", log);
        Assert.DoesNotContain(log, l => l.Contains("the old ones are draining", StringComparison.Ordinal));
        Assert.Equal(0, _h.Routing.Joining.Count);
    }

    [Fact]
    public async Task Deploy_Minimum50Maximum100_StopsTwoOldFirstInEachStepAndNeverRunsMoreThanFour()
    {
        await DeployFourAsync(StopFirst);
        var tablesBefore = _h.Routing.Router.Tables.Count;

        var done = await _h.DeployAsync(StopFirst, ("app.py", "v2"));

        Assert.Equal(("succeeded", 2), (done.Status, await _h.CurrentReleaseAsync()));
        Assert.Equal((4, 0), (_h.Running(2).Count, _h.Running(1).Count));
        Assert.Equal(4, _peak);
        var tables = _h.Routing.Router.Tables.Skip(tablesBefore).Select(Backends).ToList();
        Assert.All(tables, t => Assert.InRange(t.Count, 2, 4));
        Assert.Contains(tables, t => t.Count(b => b.Release == 1) == 2 && t.Count(b => b.Release == 2) == 2);
        var log = (await _h.LogAsync(done.Id)).ToList();
        Assert.Equal(2, log.Count(l => l == "web: taking 2 old processes out of rotation first (2 of 4 must stay)"));
        var half = log.IndexOf("web: 2 of 4 new processes in rotation; 2 old still serving");
        Assert.True(half > 0, string.Join('\n', log));
        Assert.True(log.IndexOf("web: 4 of 4 new processes in rotation") > half, string.Join('\n', log));
    }

    [Fact]
    public async Task Deploy_NewProcessExitsInStepTwo_StartsTheTwoStoppedOldOnesAgainBeforeRemovingTheNewAndKeepsFourInRotation()
    {
        await DeployFourAsync(Surge50);
        var old = _h.Running(1).Select(p => p.Id).ToHashSet();
        var tablesBefore = _h.Routing.Router.Tables.Count;
        var behaviour = _h.Runtime.Behaviour;
        var release2 = 0;
        _h.Runtime.Behaviour = spec => spec.Release == 2 && Interlocked.Increment(ref release2) == 4
            ? FakeProcessBehaviour.Exits(1, "cannot open database")
            : behaviour(spec);

        var failed = await _h.DeployAsync(Surge50, ("app.py", "v2"));

        Assert.Equal(("failed", 1), (failed.Status, await _h.CurrentReleaseAsync()));
        Assert.Matches(@"^web \([0-9a-f]{12}\) exited with code 1 before listening on port 5000\. Its last line:\ncannot open database$", failed.Error);
        Assert.Empty(_h.Running(2));
        Assert.Equal(4, _h.Running(1).Count);
        AssertOldStartedAgainBeforeAnyNewStopped(old, expected: 2);
        var tables = _h.Routing.Router.Tables.Skip(tablesBefore).Select(Backends).ToList();
        Assert.All(tables, t => Assert.True(t.Count(b => b.Ready) >= 4, Describe(t)));
        Assert.Contains(tables, t => t.Count(b => b.Release == 1 && b.Ready) == 4 && t.Count(b => b.Release == 2) == 2);
        var last = Backends(_h.Routing.Router.Last!);
        Assert.Equal(_h.Running(1).Select(p => p.Id).Order(), last.Select(b => b.ProcessId).Order());
        Assert.All(last, b => Assert.True(b.Ready));
        Assert.Equal(0, _h.Routing.Joining.Count);
        var log = (await _h.LogAsync(failed.Id)).ToList();
        Assert.Contains("web: 2 of 4 new processes in rotation; 2 old ones draining; 2 old still serving", log);
        var starting = log.IndexOf("web: starting 2 processes of release 1 again before the new ones are removed");
        var back = log.IndexOf("web: 2 processes of release 1 in rotation again");
        var taking = log.IndexOf("Taking 2 new processes of release 2 out of rotation again");
        Assert.True(starting > 0 && back > starting && taking > back, string.Join('\n', log));

        var starts = _h.Runtime.Started.Count;
        await NewReconciler().ReconcileAppAsync(DeploymentHarness.App);

        Assert.Equal(4, _h.Running(1).Count);
        Assert.Equal(starts, _h.Runtime.Started.Count);
    }

    [Fact]
    public async Task Deploy_Minimum50FailsInStepTwo_StartsAllFourStoppedOldOnesAgainAndNeverLeavesFewerThanTwoInRotation()
    {
        await DeployFourAsync(StopFirst);
        var old = _h.Running(1).Select(p => p.Id).ToHashSet();
        var tablesBefore = _h.Routing.Router.Tables.Count;
        var behaviour = _h.Runtime.Behaviour;
        var release2 = 0;
        _h.Runtime.Behaviour = spec => spec.Release == 2 && Interlocked.Increment(ref release2) == 3
            ? FakeProcessBehaviour.Exits(1, "cannot open database")
            : behaviour(spec);

        var failed = await _h.DeployAsync(StopFirst, ("app.py", "v2"));

        Assert.Equal(("failed", 1), (failed.Status, await _h.CurrentReleaseAsync()));
        Assert.Equal((4, 0), (_h.Running(1).Count, _h.Running(2).Count));
        AssertOldStartedAgainBeforeAnyNewStopped(old, expected: 4);
        var tables = _h.Routing.Router.Tables.Skip(tablesBefore).Select(Backends).ToList();
        Assert.All(tables, t => Assert.True(t.Count(b => b.Ready) >= 2, Describe(t)));
        Assert.Contains(tables, t => !t.Any(b => b.Release == 1));
        Assert.All(Backends(_h.Routing.Router.Last!), b => Assert.Equal((1, true), (b.Release, b.Ready)));
        var log = await _h.LogAsync(failed.Id);
        Assert.Contains("web: starting 4 processes of release 1 again before the new ones are removed", log);
        Assert.Contains("web: 4 processes of release 1 in rotation again", log);
    }

    [Fact]
    public async Task CancelAsync_InStepTwo_StartsTheStoppedOldOnesAgainThenRemovesAllNewAndKeepsTheOldReleaseCurrent()
    {
        await DeployFourAsync(Surge50);
        var old = _h.Running(1).Select(p => p.Id).ToHashSet();
        var tablesBefore = _h.Routing.Router.Tables.Count;
        var behaviour = _h.Runtime.Behaviour;
        var release2 = 0;
        _h.Runtime.Behaviour = spec => spec.Release == 2 && Interlocked.Increment(ref release2) > 2
            ? FakeProcessBehaviour.Runs with { Listens = false }
            : behaviour(spec);
        var second = await _h.StartDeployAsync(Surge50, ("app.py", "v2"));
        await DeploymentHarness.EventuallyAsync(() => _h.Running(2).Count == 4, "step two's processes run");

        var cancelled = await _h.Deployments.CancelAsync(DeploymentHarness.Alice, DeploymentHarness.App, second.Id);
        await _h.WaitAsync(second.Id);

        Assert.Equal(("cancelled", 1), (cancelled.Status, await _h.CurrentReleaseAsync()));
        Assert.Empty(_h.Running(2));
        Assert.Equal(4, _h.Running(1).Count);
        AssertOldStartedAgainBeforeAnyNewStopped(old, expected: 2);
        var tables = _h.Routing.Router.Tables.Skip(tablesBefore).Select(Backends).ToList();
        Assert.All(tables, t => Assert.True(t.Count(b => b.Ready) >= 4, Describe(t)));
        Assert.All(Backends(_h.Routing.Router.Last!), b => Assert.Equal((1, true), (b.Release, b.Ready)));
        Assert.Equal(0, _h.Routing.Joining.Count);
    }

    [Fact]
    public async Task Deploy_LaterServiceFailsAfterARolledOne_StartsAllFourOldWebsAgainBeforeTakingTheNewOnesOut()
    {
        const string twoServices = Surge50 + "  worker:\n    build: .\n";
        await DeployFourAsync(twoServices);
        var old = _h.Running(1).Select(p => p.Id).ToHashSet();
        var tablesBefore = _h.Routing.Router.Tables.Count;
        var behaviour = _h.Runtime.Behaviour;
        _h.Runtime.Behaviour = spec => spec is { Release: 2, Service: "worker" } ? FakeProcessBehaviour.Exits(1, "no queue") : behaviour(spec);

        var failed = await _h.DeployAsync(twoServices, ("app.py", "v2"));

        Assert.Equal(("failed", 1), (failed.Status, await _h.CurrentReleaseAsync()));
        Assert.Empty(_h.Running(2));
        Assert.Equal(4, _h.Running(1).Count(p => p.Service == "web"));
        AssertOldStartedAgainBeforeAnyNewStopped(old, expected: 4);
        var tables = _h.Routing.Router.Tables.Skip(tablesBefore).Select(Backends).ToList();
        Assert.All(tables, t => Assert.True(t.Count(b => b.Ready) >= 4, Describe(t)));
        Assert.Contains(tables, t => !t.Any(b => b.Release == 1));
        Assert.Contains(tables, t => t.Count(b => b.Release == 1 && b.Ready) == 4 && t.Count(b => b.Release == 2) == 4);
        Assert.All(Backends(_h.Routing.Router.Last!), b => Assert.Equal((1, true), (b.Release, b.Ready)));
        var log = (await _h.LogAsync(failed.Id)).ToList();
        var back = log.IndexOf("web: 4 processes of release 1 in rotation again");
        Assert.True(back > 0 && log.IndexOf("Taking 4 new processes of release 2 out of rotation again") > back, string.Join('\n', log));
    }

    [Fact]
    public async Task Deploy_OldReleaseExitsWhenStartedAgain_StillRemovesTheNewOnesAndSaysWhy()
    {
        await DeployFourAsync(Surge50);
        var behaviour = _h.Runtime.Behaviour;
        var release2 = 0;
        _h.Runtime.Behaviour = spec => spec.Release switch
        {
            1 => FakeProcessBehaviour.Exits(1, "config volume is gone"),
            2 when Interlocked.Increment(ref release2) == 4 => FakeProcessBehaviour.Exits(1, "cannot open database"),
            _ => behaviour(spec),
        };

        var failed = await _h.DeployAsync(Surge50, ("app.py", "v2"));

        Assert.Equal(("failed", 1), (failed.Status, await _h.CurrentReleaseAsync()));
        Assert.EndsWith("cannot open database", failed.Error, StringComparison.Ordinal);
        Assert.Empty(_h.Running(2));
        Assert.Equal(2, _h.Running(1).Count);
        Assert.All(Backends(_h.Routing.Router.Last!), b => Assert.Equal((1, true), (b.Release, b.Ready)));
        Assert.Equal(0, _h.Routing.Joining.Count);
        var log = (await _h.LogAsync(failed.Id)).ToList();
        var notBack = log.FindIndex(l => Regex.IsMatch(l, @"^web: release 1 did not come back: web \([0-9a-f]{12}\) exited with code 1 before listening on port 5000\. Its last line:$"));
        Assert.True(notBack > 0, string.Join('\n', log));
        Assert.Equal("config volume is gone", log[notBack + 1]);
        Assert.Equal(
            "web: the new processes are removed all the same; the reconciler starts the processes of release 1 again up to the formation's count",
            log[notBack + 2]);
        Assert.True(log.IndexOf("Removing 4 processes this rollout started") > notBack, string.Join('\n', log));
        Assert.DoesNotContain("web: 2 processes of release 1 in rotation again", log);
    }

    [Fact]
    public async Task Deploy_OldReleaseNeverListensWhenStartedAgain_GivesUpAtItsDeadlineAndRemovesTheNewOnes()
    {
        const string quick = Surge50 + "    health:\n      grace: 0s\n";
        await DeployFourAsync(quick);
        var behaviour = _h.Runtime.Behaviour;
        var release2 = 0;
        _h.Runtime.Behaviour = spec => spec.Release switch
        {
            1 => FakeProcessBehaviour.Runs with { Listens = false },
            2 when Interlocked.Increment(ref release2) == 4 => FakeProcessBehaviour.Exits(1, "cannot open database"),
            _ => behaviour(spec),
        };

        var failed = await _h.DeployAsync(quick, ("app.py", "v2"));

        Assert.Equal(("failed", 1), (failed.Status, await _h.CurrentReleaseAsync()));
        Assert.Empty(_h.Running(2));
        Assert.Equal(0, _h.Routing.Joining.Count);
        var log = await _h.LogAsync(failed.Id);
        Assert.Contains(log, l => Regex.IsMatch(l, @"^web: release 1 did not come back: web \([0-9a-f]{12}\) did not listen on port 5000 within 5 s"));
        Assert.Contains("Removing 4 processes this rollout started", log);
    }

    [Fact]
    public async Task PromoteAsync_OlderReleaseWithMaximum150_RollsBackInStepsToo()
    {
        await DeployFourAsync(Surge50);
        Assert.Equal("succeeded", (await _h.DeployAsync(Surge50, ("app.py", "v2"))).Status);
        _peak = 0;

        var promoted = await _h.Deployments.PromoteAsync(DeploymentHarness.Alice, DeploymentHarness.App, 1);
        var done = await _h.WaitAsync(promoted.Id);

        Assert.Equal(("succeeded", 1), (done.Status, await _h.CurrentReleaseAsync()));
        Assert.Equal((4, 0), (_h.Running(1).Count, _h.Running(2).Count));
        Assert.Equal(6, _peak);
        Assert.Contains("web: 2 of 4 new processes in rotation; 2 old ones draining; 2 old still serving", await _h.LogAsync(done.Id));
    }

    [Fact]
    public async Task Deploy_BoundsAllowNoProgress_UsesOneExtraProcessAndSaysSo()
    {
        const string tight = DeploymentHarness.WebManifest + "\n    deployment:\n      maximum: 110\n";
        await DeployFourAsync(tight);

        var done = await _h.DeployAsync(tight, ("app.py", "v2"));

        Assert.Equal(("succeeded", 2), (done.Status, await _h.CurrentReleaseAsync()));
        Assert.Equal(5, _peak);
        var log = await _h.LogAsync(done.Id);
        Assert.Contains("web: its deployment bounds allow no progress (no process above the count, none out of rotation), so one extra process is used", log);
        Assert.Contains("web: 1 of 4 new processes in rotation; 1 old one draining; 3 old still serving", log);
        Assert.Contains("web: 4 of 4 new processes in rotation; 1 old one draining", log);
    }

    [Fact]
    public async Task Deploy_FourWebsDefaultBounds_OneSwapAndNoTableHoldsBothReleases()
    {
        await DeployFourAsync(DeploymentHarness.WebManifest);
        var tablesBefore = _h.Routing.Router.Tables.Count;

        var done = await _h.DeployAsync(DeploymentHarness.WebManifest, ("app.py", "v2"));

        Assert.Equal("succeeded", done.Status);
        Assert.Equal(8, _peak);
        var tables = _h.Routing.Router.Tables.Skip(tablesBefore).Select(Backends).ToList();
        Assert.DoesNotContain(tables, t => t.Any(b => b.Release == 1) && t.Any(b => b.Release == 2));
        Assert.DoesNotContain(await _h.LogAsync(done.Id), l => l.StartsWith("web: rolling in steps", StringComparison.Ordinal));
    }

    public void Dispose() => _h.Dispose();

    private static string Describe(List<RouteBackend> backends) =>
        "web backends: " + string.Join(", ", backends.Select(b => $"{b.ProcessId} (release {b.Release}{(b.Ready ? ", ready" : "")})"));

    /// <summary>
    /// Asserts that the failed rollout started <paramref name="expected"/> processes of release 1 again, each before any
    /// new process was stopped, and that the new ones were stopped afterwards.
    /// </summary>
    private void AssertOldStartedAgainBeforeAnyNewStopped(HashSet<string> old, int expected)
    {
        Assert.Equal(expected, _oldStarts.Count);
        Assert.All(_oldStarts, stoppedThen => Assert.DoesNotContain(stoppedThen, id => !old.Contains(id)));
        Assert.Contains(_h.Runtime.Stopped, id => !old.Contains(id));
    }

    private static List<RouteBackend> Backends(RouteTable table) =>
        [.. table.Routes.Where(r => r.App == DeploymentHarness.App && r.Service == "web").SelectMany(r => r.Backends)];

    /// <summary>Deploys release 1 with four web processes, then watches how many web processes run at each later start.</summary>
    private async Task DeployFourAsync(string manifest)
    {
        await _h.CreateAppAsync();
        await _h.State.Formation.SetAsync(DeploymentHarness.App, new Dictionary<string, int> { ["web"] = 4 });
        var first = await _h.DeployAsync(manifest);
        Assert.Equal("succeeded", first.Status);
        Assert.Equal(4, _h.Running(1).Count(p => p.Service == "web"));
        Assert.DoesNotContain(await _h.LogAsync(first.Id), l => l.Contains("rolling in steps", StringComparison.Ordinal));
        _h.Runtime.Behaviour = spec =>
        {
            var running = _h.Runtime.Running("web").Count + 1;
            _peak = Math.Max(_peak, running);
            if (spec.Release == 1)
            {
                // What had been stopped when a process of the old release started again.
                _oldStarts.Enqueue(_h.Runtime.Stopped);
            }

            return FakeProcessBehaviour.Runs;
        };
    }

    private Reconciler NewReconciler()
    {
        var options = new ProcessOptions();
        return new Reconciler(
            _h.State, _h.Runtime, new ReleaseSnapshotLoader(_h.State, _h.Vault), new CrashBook(options), _h.Locks, new AttachedProcesses(),
            new RecordingProcessEvents(), _h.Routing.Sync, _h.Routing.Draining, _h.Routing.Drainer, options, TimeProvider.System);
    }
}
