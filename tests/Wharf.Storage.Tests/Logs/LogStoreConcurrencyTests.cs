using Wharf.Core.Logs;
using Wharf.Storage.Logs;

namespace Wharf.Storage.Tests.Logs;

public sealed class LogStoreConcurrencyTests : IAsyncLifetime
{
    private LogTestStore Logs { get; } = new(options => options with { SegmentBytes = 64 * 1024, BlockBytes = 4096 });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Logs.DisposeAsync();

    [Fact]
    public async Task AppendAsync_ManyConcurrentAppenders_EveryLineStoredOnceAndFlushesShared()
    {
        const int appenders = 16;
        const int appends = 60;
        using var start = new ManualResetEventSlim();
        var tasks = Enumerable.Range(0, appenders).Select(appender => Task.Run(async () =>
        {
            start.Wait();
            for (var append = 0; append < appends; append++)
            {
                await Logs.Store.AppendAsync(
                    [.. Enumerable.Range(0, 5).Select(line => LogTestStore.Line("hello", $"a{appender} n{append} l{line}", process: $"p{appender}"))],
                    new LogCursor("hello", $"docker:p{appender}", $"{append}"));
            }
        })).ToList();

        start.Set();
        await Task.WhenAll(tasks);

        var texts = await Logs.TextsAsync(new LogQuery { App = "hello" });
        Assert.Equal(appenders * appends * 5, texts.Count);
        Assert.Equal(texts.Count, texts.Distinct().Count());
        for (var appender = 0; appender < appenders; appender++)
        {
            // One appender's batches keep their order and stay whole.
            var own = await Logs.TextsAsync(new LogQuery { App = "hello", ProcessId = $"p{appender}" });
            Assert.Equal(Enumerable.Range(0, appends).SelectMany(append => Enumerable.Range(0, 5).Select(line => $"a{appender} n{append} l{line}")), own);
            Assert.Equal($"{appends - 1}", await Logs.Store.GetCursorAsync("hello", $"docker:p{appender}"));
        }

        var commits = ((FileLogStore)Logs.Store).CommitsOf("hello");
        Assert.True(commits < appenders * appends, $"{appenders * appends} appends took {commits} commits: none were shared.");
    }

    [Fact]
    public async Task AppendAsync_ConcurrentAppendsToManyApps_EachLogGetsItsOwn()
    {
        var apps = Enumerable.Range(0, 8).Select(i => $"app-{i}").ToList();

        await Task.WhenAll(apps.Select(app => Task.Run(async () =>
        {
            for (var i = 0; i < 50; i++)
            {
                await Logs.AppendAsync(LogTestStore.Line(app, $"{app} {i}", second: i));
            }
        })));

        foreach (var app in apps)
        {
            Assert.Equal(Enumerable.Range(0, 50).Select(i => $"{app} {i}"), await Logs.TextsAsync(new LogQuery { App = app }));
        }
    }
}
