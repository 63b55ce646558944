using Wharf.Core.Apps;
using Wharf.Core.Logs;
using Wharf.Core.Runtime;
using Wharf.Core.Tests.Deployments;
using Wharf.Core.Tests.Fakes;

namespace Wharf.Core.Tests.Logs;

public sealed class LogCollectorTests : IAsyncDisposable
{
    private static readonly LogCollectorOptions _options = new()
    {
        ScanInterval = TimeSpan.FromMilliseconds(100),
        DrainTimeout = TimeSpan.FromSeconds(10),
        RetryDelay = TimeSpan.FromMilliseconds(50),
    };

    private readonly InMemoryStateStore _state = new();
    private readonly InMemoryLogStore _store = new();
    private readonly FakeProcessLogReader _reader = new();
    private readonly ListLogger<LogCollector> _logger = new();
    private readonly List<LogCollector> _collectors = [];

    public LogCollectorTests()
    {
        _state.AppStore.TryCreateAsync(new App("shop", DateTimeOffset.UnixEpoch, null)).GetAwaiter().GetResult();
    }

    [Fact]
    public async Task ScanAsync_RunningProcess_StoresItsLinesAsTheyComeWithWhoWroteThem()
    {
        var process = _reader.Add("shop", "web", release: 4);
        _reader.Write(process.Id, "one");
        _reader.Write(process.Id, "two", stream: OutputChannel.Stderr);
        var collector = NewCollector();

        await collector.ScanAsync();
        await EventuallyAsync(() => _store.Entries("shop").Count == 2, "the first two lines are stored");
        _reader.Write(process.Id, "three");
        await EventuallyAsync(() => _store.Entries("shop").Count == 3, "a later line is stored");

        var entries = _store.Entries("shop");
        Assert.Equal(["one", "two", "three"], entries.Select(e => e.Text));
        Assert.Equal([LogSource.Stdout, LogSource.Stderr, LogSource.Stdout], entries.Select(e => e.Source));
        Assert.All(entries, e => Assert.Equal(("shop", "web", process.Id, (int?)4), (e.App, e.Service, e.ProcessId, e.Release)));
        Assert.Equal("3", await _store.GetCursorAsync("shop", $"fake:{process.Id}"));
    }

    [Fact]
    public async Task ScanAsync_NewCollectorAfterAStop_GoesOnAfterTheLastStoredLineOnly()
    {
        var process = _reader.Add("shop");
        for (var i = 1; i <= 3; i++)
        {
            _reader.Write(process.Id, $"line {i}");
        }

        var first = NewCollector();
        await first.ScanAsync();
        await EventuallyAsync(() => _store.Entries("shop").Count == 3, "the first collector stored three lines");
        await first.StopAsync();

        // Written while no collector ran (the server was down).
        _reader.Write(process.Id, "line 4");
        _reader.Write(process.Id, "line 5");
        var second = NewCollector();
        await second.ScanAsync();
        await EventuallyAsync(() => _store.Entries("shop").Count >= 5, "the second collector caught up");
        await Task.Delay(200);

        Assert.Equal(["line 1", "line 2", "line 3", "line 4", "line 5"], _store.Entries("shop").Select(e => e.Text));
    }

    [Fact]
    public async Task DrainAsync_ExitedProcessNoScanSawYet_StoresItsLastLinesBeforeReturning()
    {
        var process = _reader.Add("shop");
        _reader.Write(process.Id, "starting");
        _reader.Write(process.Id, "panic: out of cheese");
        _reader.Exit(process.Id);
        var collector = NewCollector();

        await collector.DrainAsync(process.Id);

        Assert.Equal(["starting", "panic: out of cheese"], _store.Entries("shop").Select(e => e.Text));
    }

    [Fact]
    public async Task DrainAsync_FollowedProcessExits_ReturnsOnceItsLastLineIsStored()
    {
        var process = _reader.Add("shop");
        var collector = NewCollector();
        collector.Started(process);
        _reader.Write(process.Id, "working");
        _reader.Write(process.Id, "stopping");
        _reader.Exit(process.Id);

        await collector.DrainAsync(process.Id);

        Assert.Equal("stopping", _store.Entries("shop")[^1].Text);
        Assert.Empty(collector.FollowedProcesses);
    }

    [Fact]
    public async Task DrainAsync_ProcessThatNeverEnds_GivesUpAfterTheDeadlineAndSaysSo()
    {
        var process = _reader.Add("shop");
        var collector = NewCollector(_options with { DrainTimeout = TimeSpan.FromMilliseconds(200) });

        await collector.DrainAsync(process.Id).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Contains(_logger.Entries, e => e.StartsWith("Warning:", StringComparison.Ordinal) && e.Contains(process.Id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task DrainAsync_ProcessAlreadyGone_ReturnsAtOnce()
    {
        var collector = NewCollector();

        await collector.DrainAsync("0123456789ab").WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Empty(_store.Entries("shop"));
    }

    [Fact]
    public async Task ScanAsync_ProcessOfAnAppThisServerDoesNotHave_IsLeftAlone()
    {
        var theirs = _reader.Add("someone-else");
        _reader.Write(theirs.Id, "not ours");
        var collector = NewCollector();

        await collector.ScanAsync();
        await Task.Delay(200);

        Assert.Empty(collector.FollowedProcesses);
        Assert.Empty(_store.Entries("someone-else"));
        Assert.Equal(0, _reader.Reads);
    }

    [Fact]
    public async Task ScanAsync_ExitedProcessReadToTheEnd_IsNotReadAgain()
    {
        var process = _reader.Add("shop");
        _reader.Write(process.Id, "done");
        _reader.Exit(process.Id);
        var collector = NewCollector();
        await collector.DrainAsync(process.Id);

        await collector.ScanAsync();
        await collector.ScanAsync();

        Assert.Equal(1, _reader.Reads);
        Assert.Single(_store.Entries("shop"));
    }

    [Fact]
    public async Task RunAsync_StoreFailsOnce_StoresEveryLineExactlyOnceAfterARetry()
    {
        var process = _reader.Add("shop");
        _reader.Write(process.Id, "a");
        _reader.Write(process.Id, "b");
        _store.FailNextAppends = 1;
        var collector = NewCollector();
        using var stop = new CancellationTokenSource();

        var running = collector.RunAsync(stop.Token);
        await EventuallyAsync(() => _store.Entries("shop").Count == 2, "the lines are stored after the failure");
        _reader.Write(process.Id, "c");
        await EventuallyAsync(() => _store.Entries("shop").Count == 3, "the follower runs again");
        await stop.CancelAsync();
        await running;

        Assert.Equal(["a", "b", "c"], _store.Entries("shop").Select(e => e.Text));
        Assert.Contains(_logger.Entries, e => e.StartsWith($"Warning: Collecting the output of process {process.Id}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_EngineAwayAtFirst_FollowsOnceItAnswers()
    {
        var process = _reader.Add("shop");
        _reader.Write(process.Id, "hello");
        _reader.FailNextReads = 2;
        var collector = NewCollector();
        using var stop = new CancellationTokenSource();

        var running = collector.RunAsync(stop.Token);
        await EventuallyAsync(() => _store.Entries("shop").Count == 1, "the line is stored once reading works");
        await stop.CancelAsync();
        await running;

        Assert.Equal(3, _reader.Reads);
    }

    [Fact]
    public async Task ScanAsync_LineWithoutPosition_IsStoredWithTheNextLineThatHasOne()
    {
        var process = _reader.Add("shop");
        _reader.Write(process.Id, "written while stderr was mid-line", positioned: false);
        var collector = NewCollector();
        await collector.ScanAsync();
        await Task.Delay(200);
        Assert.Empty(_store.Entries("shop"));

        _reader.Write(process.Id, "the long stderr line", stream: OutputChannel.Stderr);
        await EventuallyAsync(() => _store.Entries("shop").Count == 2, "both lines are stored");

        Assert.Equal("2", await _store.GetCursorAsync("shop", $"fake:{process.Id}"));
        Assert.Equal(1, _store.Appends);
    }

    [Fact]
    public async Task DeleteAppAsync_FollowedProcess_StopsFollowingAndDeletesTheLog()
    {
        var process = _reader.Add("shop");
        _reader.Write(process.Id, "hello");
        var collector = NewCollector();
        await collector.ScanAsync();
        await EventuallyAsync(() => _store.Entries("shop").Count == 1, "the line is stored");

        await collector.DeleteAppAsync("shop");

        Assert.Empty(collector.FollowedProcesses);
        Assert.Equal(["shop"], _store.DeletedApps);
        Assert.Empty(_store.Entries("shop"));
    }

    [Fact]
    public async Task StopAsync_DrainAfterwards_StillStoresTheLastLines()
    {
        // The server is stopping, and the reconciler removes a crashed process on its way out.
        var process = _reader.Add("shop");
        var collector = NewCollector();
        await collector.StopAsync();
        _reader.Write(process.Id, "last words");
        _reader.Exit(process.Id);

        await collector.DrainAsync(process.Id);

        Assert.Equal(["last words"], _store.Entries("shop").Select(e => e.Text));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var collector in _collectors)
        {
            await collector.DisposeAsync();
        }
    }

    private LogCollector NewCollector(LogCollectorOptions? options = null)
    {
        var collector = new LogCollector(_reader, _store, _state, options ?? _options, TimeProvider.System, _logger);
        _collectors.Add(collector);
        return collector;
    }

    private static Task EventuallyAsync(Func<bool> condition, string what) => DeploymentHarness.EventuallyAsync(condition, what);
}
