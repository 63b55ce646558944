using Wharf.Core.Logs;
using Wharf.Storage.IO;
using Wharf.Storage.Logs;
using Wharf.Storage.Tests.TestSupport;

namespace Wharf.Storage.Tests.Logs;

public sealed class LogStoreRetentionTests
{
    private static readonly TimeSpan _maxAge = TimeSpan.FromDays(2);

    [Fact]
    public async Task ApplyRetentionAsync_LinesOlderThanMaxAge_DroppedWithTheirSegments()
    {
        await using var logs = Store(maxBytes: 1L << 30);
        await AppendAsync(logs, "old", count: 1000, at: logs.Clock.GetUtcNow());
        // The one being written may take new lines too; the closed ones hold only old lines.
        var oldSegments = logs.Segments("hello")[..^1];
        logs.Clock.Advance(_maxAge + TimeSpan.FromHours(1));
        await AppendAsync(logs, "new", count: 1000, at: logs.Clock.GetUtcNow());

        await logs.Store.ApplyRetentionAsync();

        var texts = await logs.TextsAsync(new LogQuery { App = "hello" });
        Assert.True(oldSegments.Length >= 2);
        Assert.DoesNotContain(texts, text => text.StartsWith("old", StringComparison.Ordinal));
        Assert.Equal(1000, texts.Count(text => text.StartsWith("new", StringComparison.Ordinal)));
        Assert.All(oldSegments, segment => Assert.False(File.Exists(segment), $"{segment} holds only old lines but was kept."));
    }

    [Fact]
    public async Task ApplyRetentionAsync_OnlyTheSegmentBeingWrittenIsOld_DropsItAndKeepsTakingLines()
    {
        await using var logs = Store(maxBytes: 1L << 30);
        await AppendAsync(logs, "old", count: 3, at: logs.Clock.GetUtcNow());
        logs.Clock.Advance(_maxAge + TimeSpan.FromMinutes(1));

        await logs.Store.ApplyRetentionAsync();
        await AppendAsync(logs, "new", count: 1, at: logs.Clock.GetUtcNow());

        Assert.Equal(["new 0"], (await logs.TextsAsync(new LogQuery { App = "hello" })).Select(text => text[..5]));
    }

    [Fact]
    public async Task AppendAsync_LogGrowsPastMaxBytes_OldestSegmentsDroppedNewestKept()
    {
        const long maxBytes = 128 * 1024;
        await using var logs = Store(maxBytes);

        await AppendAsync(logs, "line", count: 5000, at: logs.Clock.GetUtcNow());

        // Between two closed segments the one being written grows by up to a segment (16 KiB and its Bloom filters).
        // A closed segment's index may still be being written (a temporary file, renamed when whole): not counted.
        var onDisk = new DirectoryInfo(logs.AppDirectory("hello")).EnumerateFiles()
            .Where(file => !file.Name.StartsWith(DurableFile.TempPrefix, StringComparison.Ordinal))
            .Sum(SizeIfStillThere);
        Assert.True(onDisk <= maxBytes + (40 * 1024), $"The log holds {onDisk} bytes, over its limit of {maxBytes}.");
        var texts = await logs.TextsAsync(new LogQuery { App = "hello" });
        Assert.StartsWith("line 4999 ", texts[^1], StringComparison.Ordinal);
        Assert.DoesNotContain(texts, text => text.StartsWith("line 0 ", StringComparison.Ordinal));
        Assert.Equal(Enumerable.Range(5000 - texts.Count, texts.Count).Select(i => $"line {i} "), texts.Select(text => text[..(text.IndexOf(' ', 5) + 1)]));
    }

    private static long SizeIfStillThere(FileInfo file)
    {
        try
        {
            return file.Length;
        }
        catch (FileNotFoundException)
        {
            // Dropped by retention while the directory was read.
            return 0;
        }
    }

    [Fact]
    public async Task GetCursorAsync_SegmentsWithTheCursorDropped_StillReturnsIt()
    {
        await using var logs = Store(maxBytes: 64 * 1024);
        await logs.Store.AppendAsync([LogTestStore.Line("hello", "covered")], new LogCursor("hello", "docker:abc", "2025-06-01T12:00:00.123456789Z"));

        await AppendAsync(logs, "line", count: 3000, at: logs.Clock.GetUtcNow());
        await logs.ReopenAsync();

        Assert.DoesNotContain("covered", await logs.TextsAsync(new LogQuery { App = "hello" }));
        Assert.Equal("2025-06-01T12:00:00.123456789Z", await logs.Store.GetCursorAsync("hello", "docker:abc"));
    }

    [Fact]
    public async Task GetCursorAsync_CursorNotUpdatedForLongerThanMaxAge_Forgotten()
    {
        await using var logs = Store(maxBytes: 1L << 30);
        await logs.Store.AppendAsync([], new LogCursor("hello", "docker:gone", "1"));
        await logs.Store.AppendAsync([], new LogCursor("hello", "docker:alive", "1"));
        logs.Clock.Advance(_maxAge + TimeSpan.FromHours(1));
        await logs.Store.AppendAsync([], new LogCursor("hello", "docker:alive", "2"));

        await AppendAsync(logs, "line", count: 500, at: logs.Clock.GetUtcNow());
        await logs.ReopenAsync();

        Assert.Null(await logs.Store.GetCursorAsync("hello", "docker:gone"));
        Assert.Equal("2", await logs.Store.GetCursorAsync("hello", "docker:alive"));
    }

    [Fact]
    public async Task Store_LeftAlone_DropsOldLinesOnItsOwnEveryRetentionInterval()
    {
        using var directory = new TempDirectory();
        await using var store = LogStoreFactory.Open(new LogStoreOptions
        {
            Directory = directory.Combine("logs"),
            MaxAge = TimeSpan.FromDays(7),
            RetentionInterval = TimeSpan.FromSeconds(1),
        });
        await store.AppendAsync([new LogEntry(DateTimeOffset.UtcNow.AddDays(-8), "hello", LogSource.Stdout, null, null, null, "a week and a day old")]);
        await store.AppendAsync([new LogEntry(DateTimeOffset.UtcNow, "other", LogSource.Stdout, null, null, null, "fresh")]);

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await LogTestStore.ToListAsync(store.QueryAsync(new LogQuery { App = "hello" }))).Count > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "The old line was still there 30 s later.");
            await Task.Delay(200);
        }

        Assert.Single(await LogTestStore.ToListAsync(store.QueryAsync(new LogQuery { App = "other" })));
    }

    private static LogTestStore Store(long maxBytes) =>
        new(options => options with { SegmentBytes = 16 * 1024, BlockBytes = 4096, MaxAge = _maxAge, MaxBytesPerApp = maxBytes });

    private static async Task AppendAsync(LogTestStore logs, string prefix, int count, DateTimeOffset at)
    {
        for (var start = 0; start < count; start += 50)
        {
            await logs.Store.AppendAsync([.. Enumerable.Range(start, Math.Min(50, count - start))
                .Select(i => new LogEntry(at.AddMilliseconds(i), "hello", LogSource.Stdout, "web", "web-1", 1, $"{prefix} {i} {new string('~', 40)}"))]);
        }
    }
}
