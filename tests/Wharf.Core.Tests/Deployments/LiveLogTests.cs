using System.Text;
using Wharf.Core.Deployments;
using Wharf.Core.Tests.Fakes;

namespace Wharf.Core.Tests.Deployments;

public sealed class LiveLogTests
{
    private readonly InMemoryBlobStore _blobs = new();

    [Fact]
    public async Task ReadAsync_Follow_GetsLaterLinesAndEndsWithTheLog()
    {
        var log = NewLog(TimeSpan.FromHours(1));
        await log.WriteAsync("one");
        var reading = Task.Run(async () =>
        {
            var lines = new List<string>();
            await foreach (var line in log.ReadAsync(follow: true))
            {
                lines.Add(line);
            }

            return lines;
        });

        await log.WriteAsync("two\nthree\n");
        await log.CompleteAsync();

        Assert.Equal(["one", "two", "three"], await reading.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task CompleteAsync_WritesEveryLineToTheBlob()
    {
        var log = NewLog(TimeSpan.FromHours(1));
        await log.WriteAsync("one");

        Assert.Empty(_blobs.Keys);
        await log.CompleteAsync();

        Assert.Equal("one\n", await ReadAsync("apps/a/deployments/1/log.txt"));
    }

    [Fact]
    public async Task WriteAsync_NothingMoreComes_WritesTheBlobAfterTheFlushInterval()
    {
        var log = NewLog(TimeSpan.FromMilliseconds(50));

        await log.WriteAsync("one");
        await log.WriteAsync("two");

        await DeploymentHarness.EventuallyAsync(() => _blobs.Keys.Count == 1, "the log is flushed");
        Assert.Equal("one\ntwo\n", await ReadAsync("apps/a/deployments/1/log.txt"));
    }

    [Fact]
    public async Task WriteAsync_PastTheLineLimit_KeepsTheFirstAndSaysHowManyWereDropped()
    {
        var log = new LiveLog("k", _blobs, TimeProvider.System, TimeSpan.FromHours(1), maxLines: 2);

        await log.WriteAsync("1\n2\n3\n4");
        await log.CompleteAsync();

        Assert.Equal(["1", "2", "... 2 more lines were not kept (the log keeps at most 2)."], log.Lines);
    }

    private LiveLog NewLog(TimeSpan flushInterval) => new("apps/a/deployments/1/log.txt", _blobs, TimeProvider.System, flushInterval, 1000);

    private async Task<string> ReadAsync(string key)
    {
        await using var stream = await _blobs.OpenReadAsync(key);
        Assert.NotNull(stream);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await reader.ReadToEndAsync();
    }
}
