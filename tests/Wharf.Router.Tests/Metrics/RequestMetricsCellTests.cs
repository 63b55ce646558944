using System.Diagnostics;
using Wharf.Core.Metrics;
using Wharf.Router.Metrics;

namespace Wharf.Router.Tests.Metrics;

public sealed class RequestMetricsCellTests
{
    [Fact]
    public void Record_StatusesOfEachClass_CountedPerClass()
    {
        var cell = new RequestMetricsCell("shop", "web", 3);

        cell.Record(200, 0, 0, 0);
        cell.Record(204, 0, 0, 0);
        cell.Record(404, 0, 0, 0);
        cell.Record(503, 0, 0, 0);
        cell.Record(101, 0, 0, 0);

        Assert.Equal([1, 2, 0, 1, 1], cell.Snapshot().StatusClasses);
        Assert.Equal(5, cell.Snapshot().Requests);
    }

    [Fact]
    public void Record_Durations_LandInTheirBucketsAndSum()
    {
        var cell = new RequestMetricsCell("shop", "web", 3);

        cell.Record(200, Ticks(0.0005), 0, 0);
        cell.Record(200, Ticks(0.3), 0, 0);
        cell.Record(200, Ticks(120), 0, 0);

        var snapshot = cell.Snapshot();
        var bounds = RequestDurations.Bounds;
        Assert.Equal(1, snapshot.DurationBuckets[0]);
        Assert.Equal(1, snapshot.DurationBuckets[IndexOf(bounds, 0.5)]);
        Assert.Equal(1, snapshot.DurationBuckets[bounds.Count]);
        Assert.Equal(3, snapshot.DurationBuckets.Sum());
        Assert.Equal(120.3005, snapshot.DurationSeconds, 3);
    }

    [Fact]
    public void Record_Bytes_Summed()
    {
        var cell = new RequestMetricsCell("shop", "web", 3);

        cell.Record(200, 0, 100, 1000);
        cell.Record(200, 0, 0, 24);

        Assert.Equal(100, cell.Snapshot().RequestBytes);
        Assert.Equal(1024, cell.Snapshot().ResponseBytes);
    }

    [Fact]
    public async Task Record_ManyThreadsAtOnce_NoCountLost()
    {
        var cell = new RequestMetricsCell("shop", "web", 3);

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 50_000; i++)
            {
                cell.Record(200, 10, 1, 1);
            }
        })));

        Assert.Equal(200_000, cell.Snapshot().Requests);
        Assert.Equal(200_000, cell.Snapshot().DurationBuckets.Sum());
        Assert.Equal(200_000, cell.Snapshot().ResponseBytes);
    }

    [Fact]
    public void Cell_SameKeyTwice_SameCell()
    {
        var metrics = new RequestMetrics();

        var first = metrics.Cell("shop", "web", 1);

        Assert.Same(first, metrics.Cell("shop", "web", 1));
        Assert.NotSame(first, metrics.Cell("shop", "web", 2));
        Assert.Equal(2, metrics.Snapshot().Count);
    }

    private static long Ticks(double seconds) => (long)(seconds * Stopwatch.Frequency);

    private static int IndexOf(IReadOnlyList<double> bounds, double bound)
    {
        for (var i = 0; i < bounds.Count; i++)
        {
            if (bounds[i] == bound)
            {
                return i;
            }
        }

        throw new InvalidOperationException($"No bound {bound}.");
    }
}
