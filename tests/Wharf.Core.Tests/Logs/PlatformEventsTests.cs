using Wharf.Core.Deployments;
using Wharf.Core.Logs;
using Wharf.Core.Processes;
using Wharf.Core.Runtime;
using Wharf.Core.Tests.Fakes;

namespace Wharf.Core.Tests.Logs;

public sealed class PlatformEventsTests : IAsyncDisposable
{
    private readonly InMemoryLogStore _store = new();
    private readonly LogWriter _writer;
    private readonly PlatformEvents _events;

    public PlatformEventsTests()
    {
        _writer = new LogWriter(_store, new ListLogger<LogWriter>());
        _events = new PlatformEvents(_writer, new ManualClock());
    }

    [Fact]
    public async Task DeploymentFinished_Failed_PutsTheReasonInTheAppsLogAndThePlatformsOneLinePerLine()
    {
        _events.DeploymentFinished("shop", 7, DeploymentKinds.Deploy, DeploymentStatus.Failed, 3, "web exited with code 1 before listening on port 5000:\nError: no DATABASE_URL");
        await _writer.FlushAsync();

        Assert.Equal(
            ["Deployment 7 (deploy) failed: web exited with code 1 before listening on port 5000:", "Error: no DATABASE_URL"],
            _store.Entries("shop").Select(e => e.Text));
        Assert.Equal(
            ["[shop] Deployment 7 (deploy) failed: web exited with code 1 before listening on port 5000:", "[shop] Error: no DATABASE_URL"],
            _store.Entries(null).Select(e => e.Text));
        Assert.All(_store.Entries("shop"), e => Assert.Equal((LogSource.Event, (int?)3), (e.Source, e.Release)));
    }

    [Fact]
    public async Task ProcessExited_OutOfMemoryCrash_SaysSoWithTheProcess()
    {
        _events.ProcessExited(new ProcessExit("3f2a9c0d1e2b", "shop", "web", 2, 137, OutOfMemory: true, Crashed: true, null, DateTimeOffset.UnixEpoch, []));
        await _writer.FlushAsync();

        var entry = Assert.Single(_store.Entries("shop"));
        Assert.Equal("web process 3f2a9c0d1e2b crashed: was killed: out of memory", entry.Text);
        Assert.Equal(("web", "3f2a9c0d1e2b", (int?)2), (entry.Service, entry.ProcessId, entry.Release));
    }

    [Fact]
    public async Task ProcessStarted_ByATimer_NamesTheKindAndTheReason()
    {
        var process = new RuntimeProcess("3f2a9c0d1e2b", "shop", "worker", 2, ProcessKind.Timer, "report", ProcessState.Running, DateTimeOffset.UnixEpoch, null, null, null, false, null, null);

        _events.ProcessStarted(process, "timer report due at 2026-05-01 10:00:00Z");
        await _writer.FlushAsync();

        Assert.Equal("worker timer process 3f2a9c0d1e2b started (release 2): timer report due at 2026-05-01 10:00:00Z", Assert.Single(_store.Entries("shop")).Text);
    }

    [Fact]
    public async Task Write_NoAppName_GoesToThePlatformsLogOnly()
    {
        _events.OperationFailed("*", "list apps", "The state store is unreachable.");
        await _writer.FlushAsync();

        Assert.Equal("[*] list apps failed: The state store is unreachable.", Assert.Single(_store.Entries(null)).Text);
        Assert.Empty(_store.Entries("*"));
    }

    [Fact]
    public async Task Scaled_Counts_ListsThemWithWhoScaled()
    {
        _events.Scaled("shop", new Dictionary<string, int> { ["web"] = 3, ["worker"] = 0 }, "alice");
        await _writer.FlushAsync();

        Assert.Equal("Scaled by alice: web=3, worker=0", Assert.Single(_store.Entries("shop")).Text);
    }

    [Fact]
    public async Task BuildOutput_Line_IsBuildSourceOfTheBuildOnly()
    {
        _events.BuildOutput("shop", 7, "Step 1/3 : FROM debian:bookworm-slim");
        await _writer.FlushAsync();

        var entry = Assert.Single(_store.Entries("shop"));
        Assert.Equal((LogSource.Build, "build-7", "Step 1/3 : FROM debian:bookworm-slim"), (entry.Source, entry.ProcessId, entry.Text));
        Assert.Empty(_store.Entries(null));
    }

    [Fact]
    public async Task FlushAsync_ManyEvents_StoresThemInFewAppends()
    {
        for (var i = 0; i < 500; i++)
        {
            _events.BuildOutput("shop", 1, $"line {i}");
        }

        await _writer.FlushAsync();

        Assert.Equal(500, _store.Entries("shop").Count);
        Assert.InRange(_store.Appends, 1, 50);
    }

    public ValueTask DisposeAsync() => _writer.DisposeAsync();
}
