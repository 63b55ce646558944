using System.Globalization;
using Wharf.Core.Logs;

namespace Wharf.Storage.Tests.Logs;

/// <summary>Logs spread over many segments and blocks: queries see one log, and the indexes survive restarts and damage.</summary>
public sealed class LogStoreSegmentTests : IAsyncLifetime
{
    private const int Lines = 2000;

    private LogTestStore Logs { get; } = new(options => options with { SegmentBytes = 16 * 1024, BlockBytes = 1024 });

    public async Task InitializeAsync()
    {
        for (var batch = 0; batch < Lines / 50; batch++)
        {
            await Logs.AppendAsync([.. Enumerable.Range(batch * 50, 50).Select(i => Line(i))]);
        }
    }

    public async Task DisposeAsync() => await Logs.DisposeAsync();

    [Fact]
    public async Task QueryAsync_ManySegments_ReturnsEveryLineInOrder()
    {
        Assert.True(Logs.Segments("hello").Length > 5, $"Only {Logs.Segments("hello").Length} segments were written.");

        var texts = await Logs.TextsAsync(new LogQuery { App = "hello" });

        Assert.Equal(Enumerable.Range(0, Lines).Select(Text), texts);
    }

    [Fact]
    public async Task QueryAsync_FilterSinceAndTailAcrossSegments_ReturnTheRightLines()
    {
        Assert.Equal([Text(1234)], await Logs.TextsAsync(new LogQuery { App = "hello", Filter = "line 01234 " }));
        Assert.Equal([Text(1998), Text(1999)], await Logs.TextsAsync(new LogQuery { App = "hello", Tail = 2 }));
        Assert.Equal(
            Enumerable.Range(500, 10).Select(Text),
            await Logs.TextsAsync(new LogQuery { App = "hello", Since = LogTestStore.T0.AddSeconds(500), Until = LogTestStore.T0.AddSeconds(510) }));
        Assert.Equal(
            [Text(1000), Text(1100), Text(1200)],
            await Logs.TextsAsync(new LogQuery { App = "hello", Filter = "00 even", Since = LogTestStore.T0.AddSeconds(1000), Limit = 3 }));
    }

    [Fact]
    public async Task QueryAsync_AfterReopen_UsesTheIndexesAndReturnsTheSame()
    {
        await Logs.ReopenAsync();

        Assert.Equal(Enumerable.Range(0, Lines).Select(Text), await Logs.TextsAsync(new LogQuery { App = "hello" }));
        Assert.Equal([Text(77)], await Logs.TextsAsync(new LogQuery { App = "hello", Filter = "line 00077 " }));
    }

    [Fact]
    public async Task Open_IndexMissingOrDamaged_RebuildsItAndLosesNothing()
    {
        await Logs.CloseAsync();
        var segments = Logs.Segments("hello");
        File.Delete(Path.ChangeExtension(segments[1], ".idx"));
        var damaged = Path.ChangeExtension(segments[2], ".idx");
        var bytes = await File.ReadAllBytesAsync(damaged);
        bytes[60] ^= 0xFF;
        await File.WriteAllBytesAsync(damaged, bytes);
        File.Delete(Path.ChangeExtension(segments[3], ".blm"));

        Logs.OpenAgain();

        Assert.Equal(Enumerable.Range(0, Lines).Select(Text), await Logs.TextsAsync(new LogQuery { App = "hello" }));
        Assert.Equal([Text(1500)], await Logs.TextsAsync(new LogQuery { App = "hello", Filter = "line 01500 " }));
        Assert.True(File.Exists(Path.ChangeExtension(segments[1], ".idx")));
        Assert.True(File.Exists(Path.ChangeExtension(segments[3], ".blm")));
    }

    [Fact]
    public async Task QueryAsync_WhileAnotherTaskAppends_SeesOnlyWholeCommittedBatchesInOrder()
    {
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            for (var batch = Lines / 50; !stop.IsCancellationRequested && batch < 200; batch++)
            {
                await Logs.AppendAsync([.. Enumerable.Range(batch * 50, 50).Select(i => Line(i))]);
            }
        });

        for (var i = 0; i < 20; i++)
        {
            var texts = await Logs.TextsAsync(new LogQuery { App = "hello" });
            Assert.Equal(0, texts.Count % 50);
            Assert.Equal(Enumerable.Range(0, texts.Count).Select(Text), texts);
        }

        await stop.CancelAsync();
        await writer;
    }

    private static LogEntry Line(int i) => LogTestStore.Line("hello", Text(i), second: i);

    private static string Text(int i) => string.Create(CultureInfo.InvariantCulture, $"line {i:D5} {(i % 2 == 0 ? "even" : "odd")} {new string('.', i % 40)}");
}
