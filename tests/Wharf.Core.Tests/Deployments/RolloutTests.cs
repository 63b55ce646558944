using Wharf.Core.Runtime;
using Wharf.Core.Tests.Fakes;

namespace Wharf.Core.Tests.Deployments;

public sealed class RolloutTests : IDisposable
{
    private readonly DeploymentHarness _h = new();

    [Fact]
    public async Task Deploy_SecondRelease_StopsOldOnlyAfterNewListens()
    {
        await _h.CreateAppAsync();
        await _h.DeployAsync();
        var old = Assert.Single(_h.Running(1));
        _h.Runtime.Behaviour = spec => spec.Release == 2 ? FakeProcessBehaviour.Runs with { Listens = false } : FakeProcessBehaviour.Runs;

        var second = await _h.StartDeployAsync(DeploymentHarness.WebManifest, ("app.py", "v2"));
        await DeploymentHarness.EventuallyAsync(() => _h.Running(2).Count == 1, "the new process runs");
        await Task.Delay(200);

        Assert.Contains(old.Id, _h.Running(1).Select(p => p.Id));
        Assert.DoesNotContain(old.Id, _h.Runtime.Stopped);
        Assert.Equal(1, await _h.CurrentReleaseAsync());

        _h.Runtime.SetListening(_h.Running(2)[0].Id, listens: true);
        var done = await _h.WaitAsync(second.Id);

        Assert.Equal(("succeeded", (int?)2), (done.Status, done.Release));
        Assert.Equal(2, await _h.CurrentReleaseAsync());
        Assert.Contains(old.Id, _h.Runtime.Stopped);
        Assert.Empty(_h.Running(1));
        var log = await _h.LogAsync(second.Id);
        Assert.Contains(log, l => l.StartsWith("Starting web (1 of 1) from wharf/hello-web:2", StringComparison.Ordinal));
        Assert.Contains(log, l => l.StartsWith($"web {_h.Running(2)[0].Id} listening on 10.0.0.", StringComparison.Ordinal));
        Assert.True(
            log.ToList().FindIndex(l => l.Contains("listening on", StringComparison.Ordinal)) < log.ToList().FindIndex(l => l.StartsWith("Stopping 1 process of release 1 (in the background", StringComparison.Ordinal)),
            string.Join('\n', log));
    }

    [Fact]
    public async Task Deploy_ProcessExitsBeforeListening_FailsWithCodeAndLastLinesAndLeavesOldServing()
    {
        await _h.CreateAppAsync();
        await _h.DeployAsync();
        var old = Assert.Single(_h.Running(1));
        _h.Runtime.Behaviour = spec => spec.Release == 2
            ? FakeProcessBehaviour.Exits(3, [.. Enumerable.Range(1, 25).Select(i => $"line {i}"), "boom"])
            : FakeProcessBehaviour.Runs;

        var failed = await _h.DeployAsync(DeploymentHarness.WebManifest, ("app.py", "v2"));

        Assert.True(failed.Release == 2, failed.Error);
        var newId = _h.Runtime.Stopped[^1];
        Assert.StartsWith($"web ({newId}) exited with code 3 before listening on port 5000. Its last 20 lines:\nline 7\n", failed.Error, StringComparison.Ordinal);
        Assert.EndsWith("line 25\nboom", failed.Error, StringComparison.Ordinal);
        Assert.Equal(1, await _h.CurrentReleaseAsync());
        Assert.Equal([old.Id], _h.Running(1).Select(p => p.Id));
        Assert.DoesNotContain(old.Id, _h.Runtime.Stopped);
        Assert.DoesNotContain(_h.Runtime.Processes, p => p.Release == 2);
    }

    [Fact]
    public async Task Deploy_KilledOutOfMemory_SaysSoWithTheLimit()
    {
        await _h.CreateAppAsync();
        _h.Runtime.Behaviour = _ => FakeProcessBehaviour.KilledOutOfMemory("allocating");

        var failed = await _h.DeployAsync();

        Assert.Equal("failed", failed.Status);
        Assert.Contains("exited with code 137 before listening on port 5000: killed: out of memory (limit 128 MiB). Its last line:\nallocating", failed.Error, StringComparison.Ordinal);
        Assert.Null(await _h.CurrentReleaseAsync());
    }

    [Fact]
    public async Task Deploy_NeverListens_FailsAtTheDeadlineAndRemovesIt()
    {
        using var h = new DeploymentHarness(new() { RolloutTimeout = TimeSpan.FromMilliseconds(300), ReadinessPollInterval = TimeSpan.FromMilliseconds(10) });
        await h.CreateAppAsync();
        h.Runtime.Behaviour = _ => FakeProcessBehaviour.Runs with { Listens = false, Logs = ["binding 127.0.0.1:5000"] };
        const string manifest = DeploymentHarness.WebManifest + "\n    health:\n      path: /\n      grace: 1s\n";

        var failed = await h.DeployAsync(manifest);

        Assert.Equal("failed", failed.Status);
        Assert.Matches(
            @"^web \([0-9a-f]{12}\) did not listen on port 5000 within 1\.3 s \(health grace 1 s \+ 0\.3 s\): check that it listens on 0\.0\.0\.0:5000 \(the PORT variable\)\. Its last line:\nbinding 127\.0\.0\.1:5000$",
            failed.Error);
        Assert.Empty(h.Runtime.Processes);
        Assert.Null(await h.CurrentReleaseAsync());
    }

    [Fact]
    public async Task Deploy_WorkerDiesAtOnce_FailsInsteadOfCrashLooping()
    {
        await _h.CreateAppAsync();
        _h.Runtime.Behaviour = _ => FakeProcessBehaviour.Exits(1, "cannot connect to queue");

        var failed = await _h.DeployAsync("services:\n  worker:\n    build: .\n");

        Assert.Matches(@"^worker \([0-9a-f]{12}\) exited with code 1 within 0\.2 s of starting\. Its last line:\ncannot connect to queue$", failed.Error);
    }

    [Fact]
    public async Task Deploy_ScaledService_StartsTheFormationCountAndKeepsOneOffs()
    {
        await _h.CreateAppAsync();
        await _h.DeployAsync();
        await _h.State.Formation.SetAsync(DeploymentHarness.App, new Dictionary<string, int> { ["web"] = 3 });
        var oneOff = _h.Runtime.Add(_h.Running(1)[0] with { Id = "0000000000aa", Kind = ProcessKind.OneOff });

        var done = await _h.DeployAsync(DeploymentHarness.WebManifest, ("app.py", "v2"));

        Assert.Equal("succeeded", done.Status);
        Assert.Equal(3, _h.Running(2).Count);
        Assert.Equal([oneOff.Id], _h.Running(1).Select(p => p.Id));
        Assert.Contains("Starting web (3 of 3) from wharf/hello-web:2 ...", await _h.LogAsync(done.Id));
    }

    [Fact]
    public async Task Deploy_ProcessEnvironment_IsAppEnvPlusManifestDefaults()
    {
        await _h.CreateAppAsync();
        await _h.Config.ChangeAsync(DeploymentHarness.Alice, DeploymentHarness.App, new(new Dictionary<string, string> { ["GREETING"] = "hi" }, null));

        await _h.DeployAsync("environment:\n  - GREETING=hello\n  - LEVEL=info\nservices:\n  web:\n    build: .\n    port: 5000\n    command: python3 app.py\n");

        var spec = Assert.Single(_h.Runtime.Started);
        Assert.Equal(("hi", "info"), (spec.Environment["GREETING"], spec.Environment["LEVEL"]));
        Assert.Equal(["/bin/sh", "-c", "python3 app.py"], spec.Command);
        Assert.Equal(5000, spec.Port);
        Assert.Equal(ProcessKind.Service, spec.Kind);
    }

    public void Dispose() => _h.Dispose();
}
