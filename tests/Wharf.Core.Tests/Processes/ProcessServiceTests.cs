using Wharf.Core.Api;
using Wharf.Core.Errors;
using Wharf.Core.Processes;
using Wharf.Core.Runtime;
using Wharf.Core.Tests.Fakes;

namespace Wharf.Core.Tests.Processes;

public sealed class ProcessServiceTests : IDisposable
{
    private readonly ProcessHarness _h = new();
    private readonly List<ProcessStreamEvent> _events = [];

    [Fact]
    public async Task FollowAsync_AttachedRun_StreamsOutputThenExitCodeAndRemovesTheProcess()
    {
        await _h.DeployAsync();
        _h.Runtime.Behaviour = _ => FakeProcessBehaviour.Exits(7, "hi", "there");

        var process = await _h.Processes.StartOneOffAsync(CoreHarness.Alice, ProcessHarness.App, new RunRequest("worker", ["sh", "-c", "echo hi; exit 7"]));
        Assert.True(_h.Attached.Contains(process.Id));
        await _h.Processes.FollowAsync(process, Collect, CancellationToken.None);

        Assert.Equal(
            [ProcessStreamEvent.Output("stdout", "hi"), ProcessStreamEvent.Output("stdout", "there"), ProcessStreamEvent.Exit(7)],
            _events);
        var spec = Assert.Single(_h.Runtime.Started);
        Assert.Equal((ProcessKind.OneOff, "wharf/hello-worker:1", "jobs"), (spec.Kind, spec.Image, spec.Environment["QUEUE"]));
        Assert.Equal(["sh", "-c", "echo hi; exit 7"], spec.Command);
        Assert.Empty(_h.Runtime.Processes);
        Assert.False(_h.Attached.Contains(process.Id));
        Assert.Equal(ProcessAuditActions.ProcessesRun, _h.Core.State.AuditStore.All[^1].Action);
    }

    [Fact]
    public async Task FollowAsync_AttachedProcessExited_TheReconcilerLeavesItToTheRun()
    {
        await _h.DeployAsync();
        _h.Runtime.Behaviour = s => s.Kind == ProcessKind.OneOff ? FakeProcessBehaviour.Exits(0) : FakeProcessBehaviour.Runs;
        var process = await _h.Processes.StartOneOffAsync(CoreHarness.Alice, ProcessHarness.App, new RunRequest("worker", ["true"]));

        await _h.ReconcileAsync();

        Assert.DoesNotContain(process.Id, _h.Runtime.Removed);
    }

    [Fact]
    public async Task FollowAsync_ClientGoesAway_StopsTheProcess()
    {
        await _h.DeployAsync();
        var process = await _h.Processes.StartOneOffAsync(CoreHarness.Alice, ProcessHarness.App, new RunRequest("worker", ["sleep", "100"]));
        using var client = new CancellationTokenSource();

        var following = _h.Processes.FollowAsync(process, Collect, client.Token);
        await client.CancelAsync();
        await following;

        Assert.Contains(process.Id, _h.Runtime.Stopped);
        Assert.Empty(_h.Runtime.Processes);
    }

    [Fact]
    public async Task StartOneOffAsync_Detached_LeavesItRunningAndVisibleInPs()
    {
        await _h.DeployAsync();

        var process = await _h.Processes.StartOneOffAsync(CoreHarness.Alice, ProcessHarness.App, new RunRequest("worker", ["sleep", "100"], Detach: true));

        Assert.False(_h.Attached.Contains(process.Id));
        var row = Assert.Single(await _h.Listing.ListAsync(ProcessHarness.App), p => p.Id == process.Id);
        Assert.Equal(("oneoff", "running", 12.5), (row.Kind, row.State, row.CpuPercent));
    }

    [Fact]
    public async Task StartOneOffAsync_UnknownService_Throws400Sentence()
    {
        await _h.DeployAsync();

        var error = await Assert.ThrowsAsync<WharfValidationException>(() =>
            _h.Processes.StartOneOffAsync(CoreHarness.Alice, ProcessHarness.App, new RunRequest("api", ["sh"])));

        Assert.Equal("Release 1 of app 'hello' has no service 'api'; its services are: web, worker.", error.Message);
    }

    [Fact]
    public async Task ExecAsync_RunningProcess_StreamsOutputAndExitCode()
    {
        await _h.DeployAsync();
        await _h.ReconcileAsync();
        var worker = _h.Runtime.Running("worker")[0];

        await _h.Processes.ExecAsync(CoreHarness.Alice, ProcessHarness.App, worker.Id, new ExecRequest(["ls", "/app"]), Collect, CancellationToken.None);

        Assert.Equal([ProcessStreamEvent.Output("stdout", "ls /app"), ProcessStreamEvent.Exit(0)], _events);
        Assert.Equal(ProcessAuditActions.ProcessesExec, _h.Core.State.AuditStore.All[^1].Action);
    }

    [Fact]
    public async Task ExecAsync_ProcessOfAnotherApp_ThrowsNotFound()
    {
        await _h.DeployAsync();
        var other = _h.Runtime.Add(new RuntimeProcess(
            "abcdefabcdef", "other", "web", 1, ProcessKind.Service, null, ProcessState.Running, _h.Clock.GetUtcNow(), _h.Clock.GetUtcNow(), null, null, false, null, null));

        var error = await Assert.ThrowsAsync<NotFoundException>(() =>
            _h.Processes.ExecAsync(CoreHarness.Alice, ProcessHarness.App, other.Id, new ExecRequest(["sh"]), Collect, CancellationToken.None));

        Assert.Equal("App 'hello' has no process 'abcdefabcdef': run `wharf ps -a hello` to see its processes.", error.Message);
    }

    [Fact]
    public async Task StopAsync_ServiceProcess_StopsItAndTheReconcilerReplacesIt()
    {
        await _h.DeployAsync();
        await _h.ReconcileAsync();
        var worker = _h.Runtime.Running("worker")[0];

        await _h.Processes.StopAsync(CoreHarness.Alice, ProcessHarness.App, worker.Id);
        await _h.ReconcileAsync();

        Assert.Contains(worker.Id, _h.Runtime.Stopped);
        Assert.NotEqual(worker.Id, Assert.Single(_h.Runtime.Running("worker")).Id);
    }

    [Fact]
    public async Task ListAsync_Processes_ShowsKindStateUptimeAndStats()
    {
        await _h.DeployAsync();
        await _h.ReconcileAsync();
        _h.Clock.Advance(TimeSpan.FromSeconds(90));

        var rows = await _h.Listing.ListAsync(ProcessHarness.App);

        Assert.Equal(["web", "web", "worker"], rows.Select(r => r.Service));
        Assert.All(rows, r => Assert.Equal(("service", "running", (long?)90, (long?)64 * 1024 * 1024), (r.Kind, r.State, r.Uptime, r.MemoryBytes)));
    }

    public void Dispose() => _h.Dispose();

    private Task Collect(ProcessStreamEvent item, CancellationToken ct)
    {
        _events.Add(item);
        return Task.CompletedTask;
    }
}
