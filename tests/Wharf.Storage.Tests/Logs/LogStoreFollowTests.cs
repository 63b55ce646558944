using System.Threading.Channels;
using Wharf.Core.Logs;

namespace Wharf.Storage.Tests.Logs;

public sealed class LogStoreFollowTests : IAsyncLifetime
{
    private static readonly TimeSpan _deadline = TimeSpan.FromSeconds(20);

    private LogTestStore Logs { get; } = new(options => options with { SegmentBytes = 16 * 1024, BlockBytes = 1024 });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Logs.DisposeAsync();

    [Fact]
    public async Task FollowAsync_TailThenNewLines_ReturnsTheLastPastLinesThenEachNewMatchingLine()
    {
        await Logs.AppendAsync(LogTestStore.Line("hello", "old 1"), LogTestStore.Line("hello", "old 2"), LogTestStore.Line("hello", "old 3"));
        using var follow = new Follower(Logs.Store, new LogQuery { App = "hello", Tail = 2, Filter = "o" });

        Assert.Equal(["old 2", "old 3"], await follow.NextAsync(2));
        await Logs.AppendAsync(LogTestStore.Line("hello", "new one"), LogTestStore.Line("hello", "skipped"));
        await Logs.AppendAsync(LogTestStore.Line("hello", "another"));

        Assert.Equal(["new one", "another"], await follow.NextAsync(2));
    }

    [Fact]
    public async Task FollowAsync_AppWithoutLogsYet_SeesItsFirstLines()
    {
        using var follow = new Follower(Logs.Store, new LogQuery { App = "fresh" });
        await Task.Delay(100);

        await Logs.AppendAsync(LogTestStore.Line("fresh", "first"));

        Assert.Equal(["first"], await follow.NextAsync(1));
    }

    [Fact]
    public async Task FollowAsync_AppendsAcrossManySegments_EveryLineOnceInOrder()
    {
        await Logs.AppendAsync(LogTestStore.Line("hello", "start"));
        using var follow = new Follower(Logs.Store, new LogQuery { App = "hello", Tail = 1 });
        Assert.Equal(["start"], await follow.NextAsync(1));
        var expected = new List<string>();
        for (var batch = 0; batch < 60; batch++)
        {
            var lines = Enumerable.Range(0, 20).Select(i => $"batch {batch} line {i} {new string('-', 40)}").ToList();
            expected.AddRange(lines);
            await Logs.AppendAsync([.. lines.Select(text => LogTestStore.Line("hello", text))]);
        }

        Assert.True(Logs.Segments("hello").Length > 3);
        Assert.Equal(expected, await follow.NextAsync(expected.Count));
    }

    [Fact]
    public async Task FollowAsync_AppDeleted_Ends()
    {
        await Logs.AppendAsync(LogTestStore.Line("hello", "x"));
        using var follow = new Follower(Logs.Store, new LogQuery { App = "hello" });
        Assert.Equal(["x"], await follow.NextAsync(1));

        await Logs.Store.DeleteAppAsync("hello");

        Assert.True(await follow.EndedAsync());
    }

    [Fact]
    public async Task FollowAsync_WithLimit_StopsAfterThatManyLines()
    {
        await Logs.AppendAsync(LogTestStore.Line("hello", "a"));
        using var follow = new Follower(Logs.Store, new LogQuery { App = "hello", Limit = 2 });

        await Logs.AppendAsync(LogTestStore.Line("hello", "b"), LogTestStore.Line("hello", "c"));

        Assert.Equal(["a", "b"], await follow.NextAsync(2));
        Assert.True(await follow.EndedAsync());
    }

    /// <summary>Runs a follow in the background, collecting what it yields.</summary>
    private sealed class Follower : IDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();
        private readonly Task _run;

        public Follower(ILogStore store, LogQuery query)
        {
            _run = Task.Run(async () =>
            {
                try
                {
                    await foreach (var entry in store.FollowAsync(query, _stop.Token))
                    {
                        await _lines.Writer.WriteAsync(entry.Text);
                    }
                }
                finally
                {
                    _lines.Writer.TryComplete();
                }
            });
        }

        public async Task<List<string>> NextAsync(int count)
        {
            using var timeout = new CancellationTokenSource(_deadline);
            var lines = new List<string>();
            while (lines.Count < count)
            {
                lines.Add(await _lines.Reader.ReadAsync(timeout.Token));
            }

            return lines;
        }

        /// <summary>True when the follow ended on its own (without being cancelled) and yields nothing more.</summary>
        public async Task<bool> EndedAsync()
        {
            await _run.WaitAsync(_deadline);
            return !await _lines.Reader.WaitToReadAsync();
        }

        public void Dispose()
        {
            _stop.Cancel();
            try
            {
                _run.Wait(_deadline);
            }
            catch (AggregateException e) when (e.InnerException is OperationCanceledException)
            {
                // Cancelled while waiting for lines: how a follow normally ends.
            }

            _stop.Dispose();
        }
    }
}
