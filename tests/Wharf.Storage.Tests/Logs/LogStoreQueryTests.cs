using System.Runtime.Versioning;
using Wharf.Core.Logs;
using Wharf.Storage.Logs;

namespace Wharf.Storage.Tests.Logs;

public sealed class LogStoreQueryTests : IAsyncLifetime
{
    private LogTestStore Logs { get; } = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Logs.DisposeAsync();

    [Fact]
    public async Task QueryAsync_AfterAppend_ReturnsEveryFieldAsWritten()
    {
        var stdout = new LogEntry(LogTestStore.T0.AddTicks(1234567), "hello", LogSource.Stdout, "web", "hello-web-3f2a", 7, "GET / 200 — ünïcödé ✓");
        var build = new LogEntry(LogTestStore.T0.AddSeconds(1), "hello", LogSource.Build, "web", "build-4", null, "Step 1/3 : FROM debian:bookworm-slim");
        var ev = new LogEntry(LogTestStore.T0.AddSeconds(2), "hello", LogSource.Event, null, null, 7, "deploy finished: release 7");
        await Logs.AppendAsync(stdout, build, ev);

        var read = await Logs.QueryAsync(new LogQuery { App = "hello" });

        Assert.Equal([stdout, build, ev], read);
    }

    [Fact]
    public async Task QueryAsync_TimeWithOffset_ReadBackAsTheSameInstantInUtc()
    {
        var local = new DateTimeOffset(2025, 6, 1, 5, 0, 0, TimeSpan.FromHours(-7)).AddTicks(3);
        await Logs.AppendAsync(new LogEntry(local, "hello", LogSource.Stdout, null, null, null, "x"));

        var read = Assert.Single(await Logs.QueryAsync(new LogQuery { App = "hello" }));

        Assert.Equal(local.UtcTicks, read.Time.UtcTicks);
        Assert.Equal(TimeSpan.Zero, read.Time.Offset);
    }

    [Fact]
    public async Task QueryAsync_PlatformLog_KeptApartFromApps()
    {
        await Logs.AppendAsync(
            new LogEntry(LogTestStore.T0, null, LogSource.Event, null, null, null, "server started"),
            LogTestStore.Line("hello", "app line"));

        Assert.Equal(["server started"], await Logs.TextsAsync(new LogQuery()));
        Assert.Equal(["app line"], await Logs.TextsAsync(new LogQuery { App = "hello" }));
        Assert.True(Directory.Exists(Logs.AppDirectory(null)));
    }

    [Fact]
    public async Task QueryAsync_SinceAndUntil_ReturnsOnlyLinesInTheRange()
    {
        await Logs.AppendAsync([.. Enumerable.Range(0, 10).Select(i => LogTestStore.Line("hello", $"line {i}", second: i * 60))]);

        var texts = await Logs.TextsAsync(new LogQuery { App = "hello", Since = LogTestStore.T0.AddMinutes(3), Until = LogTestStore.T0.AddMinutes(6) });

        Assert.Equal(["line 3", "line 4", "line 5"], texts);
    }

    [Fact]
    public async Task QueryAsync_ServiceReleaseProcessAndSource_EachNarrowsTheLines()
    {
        await Logs.AppendAsync(
            LogTestStore.Line("hello", "web r1", service: "web", process: "web-1", release: 1),
            LogTestStore.Line("hello", "web r2", service: "web", process: "web-2", release: 2),
            LogTestStore.Line("hello", "worker r2", service: "worker", process: "worker-1", release: 2),
            LogTestStore.Line("hello", "web r2 err", service: "web", process: "web-2", release: 2, source: LogSource.Stderr),
            LogTestStore.Line("hello", "event", service: null, process: null, release: null, source: LogSource.Event));

        Assert.Equal(["web r1", "web r2", "web r2 err"], await Logs.TextsAsync(new LogQuery { App = "hello", Service = "web" }));
        Assert.Equal(["web r2", "worker r2", "web r2 err"], await Logs.TextsAsync(new LogQuery { App = "hello", Release = 2 }));
        Assert.Equal(["web r2", "web r2 err"], await Logs.TextsAsync(new LogQuery { App = "hello", ProcessId = "web-2" }));
        Assert.Equal(["web r2 err"], await Logs.TextsAsync(new LogQuery { App = "hello", Sources = LogSource.Stderr }));
        Assert.Equal(["web r2 err", "event"], await Logs.TextsAsync(new LogQuery { App = "hello", Sources = LogSource.Stderr | LogSource.Event }));
        Assert.Equal(["web r2"], await Logs.TextsAsync(new LogQuery { App = "hello", Service = "web", Release = 2, Sources = LogSource.Stdout }));
    }

    [Fact]
    public async Task QueryAsync_Filter_ReturnsLinesWhoseTextContainsItCaseSensitive()
    {
        await Logs.AppendAsync(
            LogTestStore.Line("hello", "GET /health 200"),
            LogTestStore.Line("hello", "ERROR: database timeout"),
            LogTestStore.Line("hello", "error: lower case"),
            LogTestStore.Line("hello", "POST /orders 500 ERROR"));

        Assert.Equal(["ERROR: database timeout", "POST /orders 500 ERROR"], await Logs.TextsAsync(new LogQuery { App = "hello", Filter = "ERROR" }));
        Assert.Equal(["GET /health 200"], await Logs.TextsAsync(new LogQuery { App = "hello", Filter = "/health" }));
        Assert.Empty(await Logs.TextsAsync(new LogQuery { App = "hello", Filter = "not there" }));
    }

    [Fact]
    public async Task QueryAsync_FilterFoundOnlyInServiceOrProcessName_DoesNotMatch()
    {
        await Logs.AppendAsync(LogTestStore.Line("hello", "plain text", service: "needle-service", process: "needle-process"));

        Assert.Empty(await Logs.TextsAsync(new LogQuery { App = "hello", Filter = "needle" }));
    }

    [Fact]
    public async Task QueryAsync_FilterIgnoringCase_MatchesAsciiAndOtherLetters()
    {
        await Logs.AppendAsync(
            LogTestStore.Line("hello", "Error: one"),
            LogTestStore.Line("hello", "an eRRor two"),
            LogTestStore.Line("hello", "fine"),
            LogTestStore.Line("hello", "STRASSE ÄRGER"),
            LogTestStore.Line("hello", "ärger klein"));

        Assert.Equal(["Error: one", "an eRRor two"], await Logs.TextsAsync(new LogQuery { App = "hello", Filter = "ERROR", IgnoreCase = true }));
        Assert.Equal(["STRASSE ÄRGER", "ärger klein"], await Logs.TextsAsync(new LogQuery { App = "hello", Filter = "Ärger", IgnoreCase = true }));
        Assert.Equal(["STRASSE ÄRGER"], await Logs.TextsAsync(new LogQuery { App = "hello", Filter = "ÄRGER" }));
    }

    [Fact]
    public async Task QueryAsync_FilterMatchingTwiceInOneLine_ReturnsTheLineOnce()
    {
        await Logs.AppendAsync(LogTestStore.Line("hello", "abc abc abc"), LogTestStore.Line("hello", "abc"));

        Assert.Equal(["abc abc abc", "abc"], await Logs.TextsAsync(new LogQuery { App = "hello", Filter = "abc" }));
    }

    [Fact]
    public async Task QueryAsync_LinesAppendedOutOfTimeOrder_ReturnedInTimeOrder()
    {
        await Logs.AppendAsync(LogTestStore.Line("hello", "b", second: 2), LogTestStore.Line("hello", "d", second: 4));
        await Logs.AppendAsync(LogTestStore.Line("hello", "a", second: 1), LogTestStore.Line("hello", "c", second: 3));
        await Logs.AppendAsync(LogTestStore.Line("hello", "c2", second: 3));

        Assert.Equal(["a", "b", "c", "c2", "d"], await Logs.TextsAsync(new LogQuery { App = "hello" }));
        Assert.Equal(["c", "c2", "d"], await Logs.TextsAsync(new LogQuery { App = "hello", Tail = 3 }));
    }

    [Fact]
    public async Task QueryAsync_TailAndLimit_ReturnTheLastOrTheFirstLines()
    {
        await Logs.AppendAsync([.. Enumerable.Range(0, 20).Select(i => LogTestStore.Line("hello", $"line {i}", second: i))]);

        Assert.Equal(["line 17", "line 18", "line 19"], await Logs.TextsAsync(new LogQuery { App = "hello", Tail = 3 }));
        Assert.Equal(["line 0", "line 1"], await Logs.TextsAsync(new LogQuery { App = "hello", Limit = 2 }));
        Assert.Equal(["line 12", "line 13"], await Logs.TextsAsync(new LogQuery { App = "hello", Filter = "1", Tail = 2, Until = LogTestStore.T0.AddSeconds(14) }));
        Assert.Empty(await Logs.TextsAsync(new LogQuery { App = "hello", Tail = 0 }));
        Assert.Equal(20, (await Logs.TextsAsync(new LogQuery { App = "hello", Tail = 1000 })).Count);
    }

    [Fact]
    public async Task QueryAsync_AppWithoutLogs_ReturnsNothingAndCreatesNothing()
    {
        Assert.Empty(await Logs.QueryAsync(new LogQuery { App = "nothing-here" }));

        Assert.False(Directory.Exists(Logs.AppDirectory("nothing-here")));
    }

    [Fact]
    public async Task QueryAsync_InvalidQuery_ThrowsWithEveryProblem()
    {
        var query = new LogQuery
        {
            App = "Bad_Name",
            Since = LogTestStore.T0,
            Until = LogTestStore.T0.AddMinutes(-1),
            Tail = -1,
        };

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => Logs.QueryAsync(query));

        Assert.Contains("time range is empty", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'tail' is -1", ex.Message, StringComparison.Ordinal);
        Assert.Contains("app name 'Bad_Name' is invalid", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AppendAsync_InvalidEntries_ThrowAndStoreNothing()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Logs.AppendAsync(LogTestStore.Line("../etc", "x")));
        await Assert.ThrowsAsync<ArgumentException>(() => Logs.AppendAsync(LogTestStore.Line("hello", "x", source: LogSource.Stdout | LogSource.Stderr)));
        await Assert.ThrowsAsync<ArgumentException>(() => Logs.AppendAsync(LogTestStore.Line("hello", "x", service: new string('s', 300))));
        await Assert.ThrowsAsync<ArgumentException>(() => Logs.Store.AppendAsync([LogTestStore.Line("other", "x")], new LogCursor("hello", "docker:1", "p")));

        Assert.Empty(await Logs.QueryAsync(new LogQuery { App = "hello" }));
        Assert.False(Directory.Exists(Path.Combine(Logs.Root, "..", "etc", "00")));
    }

    [Fact]
    public async Task AppendAsync_LineLongerThanTheLimit_IsCutAtACharacterBoundary()
    {
        await using var logs = new LogTestStore(options => options with { MaxLineBytes = 1000 });
        var text = new string('a', 999) + "éééé";

        await logs.AppendAsync(LogTestStore.Line("hello", text));

        var stored = Assert.Single(await logs.TextsAsync(new LogQuery { App = "hello" }));
        Assert.Equal(new string('a', 999), stored);
    }

    [Fact]
    public async Task AppendAsync_EntriesOfSeveralApps_EachGoesToItsOwnLog()
    {
        await Logs.AppendAsync(
            LogTestStore.Line("one", "1a"),
            LogTestStore.Line("two", "2a"),
            LogTestStore.Line("one", "1b"),
            new LogEntry(LogTestStore.T0, null, LogSource.Event, null, null, null, "platform"));

        Assert.Equal(["1a", "1b"], await Logs.TextsAsync(new LogQuery { App = "one" }));
        Assert.Equal(["2a"], await Logs.TextsAsync(new LogQuery { App = "two" }));
        Assert.Equal(["platform"], await Logs.TextsAsync(new LogQuery()));
    }

    [Fact]
    public async Task AppendAsync_AfterReopen_EverythingIsStillThereAndNewLinesFollow()
    {
        await Logs.AppendAsync(LogTestStore.Line("hello", "before restart", second: 1));

        await Logs.ReopenAsync();
        await Logs.AppendAsync(LogTestStore.Line("hello", "after restart", second: 2));

        Assert.Equal(["before restart", "after restart"], await Logs.TextsAsync(new LogQuery { App = "hello" }));
    }

    [Fact]
    public async Task DeleteAppAsync_RemovesTheLogAndLaterAppendsStartAfresh()
    {
        await Logs.AppendAsync(LogTestStore.Line("hello", "old"), LogTestStore.Line("other", "kept"));

        await Logs.Store.DeleteAppAsync("hello");

        Assert.False(Directory.Exists(Logs.AppDirectory("hello")));
        Assert.Empty(await Logs.QueryAsync(new LogQuery { App = "hello" }));
        await Logs.AppendAsync(LogTestStore.Line("hello", "new"));
        Assert.Equal(["new"], await Logs.TextsAsync(new LogQuery { App = "hello" }));
        Assert.Equal(["kept"], await Logs.TextsAsync(new LogQuery { App = "other" }));
    }

    [Fact]
    public async Task Open_DirectoryInUseByAnotherStore_RefusesWithASentence()
    {
        var ex = Assert.Throws<IOException>(() => LogStoreFactory.Open(Logs.Options));

        Assert.Contains("is in use by another Wharf server", ex.Message, StringComparison.Ordinal);
        await Logs.CloseAsync();
        await using var second = LogStoreFactory.Open(Logs.Options);
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task Files_CreatedOwnerOnly()
    {
        await Logs.AppendAsync(LogTestStore.Line("hello", "x"));

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Logs.Root));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Logs.AppDirectory("hello")));
        Assert.All(Directory.GetFiles(Logs.AppDirectory("hello")), file => Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file)));
    }
}
