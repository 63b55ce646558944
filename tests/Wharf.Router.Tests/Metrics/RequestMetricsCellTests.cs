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

    [Fact]
    public void Sweep_ReleaseLeftTheTable_KeptForTheRetentionThenDropped()
    {
        var metrics = new RequestMetrics();
        var start = new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);
        metrics.Cell("shop", "web", 1).Record(200, 10, 1, 1);
        metrics.Cell("shop", "web", 2);
        metrics.Sweep(start);

        // Release 2 replaces release 1: its cell stays, with its figures, until the retention has passed.
        metrics.Cell("shop", "web", 2);
        metrics.Sweep(start.AddMinutes(1));
        metrics.Cell("shop", "web", 2);
        metrics.Sweep(start.AddMinutes(1) + RequestMetrics.Retention - TimeSpan.FromSeconds(1));
        Assert.Equal([1, 2], metrics.Snapshot().Select(c => c.Release));
        Assert.Equal(1, metrics.Snapshot()[0].Requests);

        metrics.Cell("shop", "web", 2);
        metrics.Sweep(start.AddMinutes(1) + RequestMetrics.Retention);
        Assert.Equal([2], metrics.Snapshot().Select(c => c.Release));
    }

    [Fact]
    public void Sweep_ReleaseBackInTheTable_RetentionStartsAfresh()
    {
        var metrics = new RequestMetrics();
        var start = new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);
        metrics.Cell("shop", "web", 1);
        metrics.Sweep(start);
        metrics.Sweep(start.AddMinutes(10));

        // Rolled back to release 1 before its cell was dropped: the same cell, and a later absence counts from then.
        var cell = metrics.Cell("shop", "web", 1);
        metrics.Sweep(start.AddMinutes(11));
        metrics.Sweep(start.AddMinutes(12));
        metrics.Sweep(start.AddMinutes(12) + RequestMetrics.Retention - TimeSpan.FromSeconds(1));

        Assert.Same(cell, metrics.Cell("shop", "web", 1));
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
