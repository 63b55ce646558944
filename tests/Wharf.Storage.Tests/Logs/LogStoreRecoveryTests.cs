using Wharf.Core.Logs;
using Wharf.Storage.Logs;

namespace Wharf.Storage.Tests.Logs;

/// <summary>What a crash can leave at the end of a log (a torn write, garbage, a write never acknowledged) is cut off on open.</summary>
public sealed class LogStoreRecoveryTests : IAsyncLifetime
{
    private LogTestStore Logs { get; } = new(options => options with { SegmentBytes = 16 * 1024, BlockBytes = 1024 });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Logs.DisposeAsync();

    [Fact]
    public async Task Open_GarbageAfterTheLastCommit_IsCutOffAndEarlierLinesKept()
    {
        await AppendBatchesAsync(3);
        await Logs.CloseAsync();
        var segment = Logs.Segments("hello")[^1];
        var length = new FileInfo(segment).Length;
        var garbage = new byte[1000];
        new Random(7).NextBytes(garbage);
        await using (var file = new FileStream(segment, FileMode.Append))
        {
            await file.WriteAsync(garbage);
        }

        Logs.OpenAgain();
        await Logs.AppendAsync(LogTestStore.Line("hello", "after recovery", second: 10));

        Assert.Equal([.. Batch(1), .. Batch(2), .. Batch(3), "after recovery"], await Logs.TextsAsync(new LogQuery { App = "hello" }));
        Assert.True(new FileInfo(segment).Length > length, "the new line was not appended to the recovered segment");
        Assert.Equal(["after recovery"], await Logs.TextsAsync(new LogQuery { App = "hello", Filter = "recovery" }));
    }

    [Theory]
    [InlineData(5)]
    [InlineData(100)]
    public async Task Open_LastWriteTorn_DropsThatWholeBatchAndItsCursor(int cutBytes)
    {
        await AppendBatchesAsync(2);
        await Logs.CloseAsync();
        var segment = Logs.Segments("hello")[^1];
        await using (var file = new FileStream(segment, FileMode.Open))
        {
            file.SetLength(file.Length - cutBytes);
        }

        Logs.OpenAgain();

        Assert.Equal(Batch(1), await Logs.TextsAsync(new LogQuery { App = "hello" }));
        Assert.Equal("1", await Logs.Store.GetCursorAsync("hello", "docker:web-1"));
    }

    [Fact]
    public async Task Open_ValidRecordsWithoutACommit_AreNotKept()
    {
        await AppendBatchesAsync(1);
        await Logs.CloseAsync();
        var segment = Logs.Segments("hello")[^1];
        var length = new FileInfo(segment).Length;
        using (var unacknowledged = new RecordBuffer(1024))
        {
            unacknowledged.AppendEntry(LogTestStore.Line("hello", "never acknowledged"));
            unacknowledged.AppendCursor("docker:web-1", "2", 0);
            await using var file = new FileStream(segment, FileMode.Append);
            await file.WriteAsync(unacknowledged.Written.ToArray());
        }

        Logs.OpenAgain();

        Assert.Equal(Batch(1), await Logs.TextsAsync(new LogQuery { App = "hello" }));
        Assert.Equal("1", await Logs.Store.GetCursorAsync("hello", "docker:web-1"));
        Assert.Equal(length, new FileInfo(segment).Length);
    }

    [Fact]
    public async Task Open_LastSegmentHeaderDamaged_SetsItAsideAndTheLogGoesOn()
    {
        await AppendBatchesAsync(150);
        await Logs.CloseAsync();
        var segments = Logs.Segments("hello");
        Assert.True(segments.Length >= 3);
        await using (var file = new FileStream(segments[^1], FileMode.Open))
        {
            file.Write("NOTALOG!"u8);
        }

        Logs.OpenAgain();
        await Logs.AppendAsync(LogTestStore.Line("hello", "still writable", second: 1000));

        var texts = await Logs.TextsAsync(new LogQuery { App = "hello" });
        Assert.Equal(Batch(1), texts.Take(Batch(1).Count));
        Assert.Equal("still writable", texts[^1]);
        Assert.Single(Directory.GetFiles(Logs.AppDirectory("hello"), "*.damaged-*"));
        Assert.NotNull(await Logs.Store.GetCursorAsync("hello", "docker:web-1"));
    }

    [Fact]
    public async Task AppendAsync_DirectoryBrokenThenRepaired_FailsWithASentenceThenTakesLinesAgain()
    {
        await AppendBatchesAsync(1);
        var directory = Logs.AppDirectory("hello");
        Directory.Delete(directory, recursive: true);
        await File.WriteAllTextAsync(directory, "not a directory");

        // Lines go to the open (now nameless) file until the segment is full and a new one cannot be made.
        IOException? failure = null;
        for (var i = 0; i < 1000 && failure is null; i++)
        {
            try
            {
                await Logs.AppendAsync(LogTestStore.Line("hello", $"line {i} {new string('#', 100)}"));
            }
            catch (IOException e)
            {
                failure = e;
            }
        }

        Assert.NotNull(failure);
        Assert.Contains("The log of 'hello' cannot be written", failure.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<IOException>(() => Logs.AppendAsync(LogTestStore.Line("hello", "still broken")));

        File.Delete(directory);
        await Logs.AppendAsync(LogTestStore.Line("hello", "repaired", second: 100));

        Assert.Equal(["repaired"], await Logs.TextsAsync(new LogQuery { App = "hello", Filter = "repaired" }));
        Assert.True(Directory.Exists(directory));
    }

    private static List<string> Batch(int batch) => [.. Enumerable.Range(0, 5).Select(i => $"batch {batch} line {i} {new string('=', 30)}")];

    private async Task AppendBatchesAsync(int count)
    {
        for (var batch = 1; batch <= count; batch++)
        {
            await Logs.Store.AppendAsync(
                [.. Batch(batch).Select(text => LogTestStore.Line("hello", text, second: batch))],
                new LogCursor("hello", "docker:web-1", batch.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
    }
}
