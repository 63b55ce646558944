using Wharf.Core.Errors;
using Wharf.Core.Metrics;

namespace Wharf.Core.Tests.Metrics;

public sealed class ServiceRequestsTests
{
    private static readonly DateTimeOffset _t0 = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Between_TwoReleasesOfOneService_SummedAsOneService()
    {
        var start = new RequestSnapshot(_t0, [Counters("web", 1, 10, 0)]);
        var end = new RequestSnapshot(_t0.AddMinutes(1), [Counters("web", 1, 15, 1), Counters("web", 2, 4, 0)]);

        var web = Assert.Single(ServiceRequests.Between("shop", start, end));

        Assert.Equal(("web", 9L, 1L), (web.Service, web.Requests, web.Errors));
    }

    [Fact]
    public void Between_RouterRestartedInTheWindow_EndFigureIsTheWholeChange()
    {
        var start = new RequestSnapshot(_t0, [Counters("web", 1, 500, 0)]);
        var end = new RequestSnapshot(_t0.AddMinutes(1), [Counters("web", 1, 7, 0)]);

        Assert.Equal(7, Assert.Single(ServiceRequests.Between("shop", start, end)).Requests);
    }

    [Fact]
    public void Estimate_HalfInFirstBucketHalfInSecond_MedianAtTheFirstBound()
    {
        Assert.Equal(0.1, HistogramQuantile.Estimate(0.5, [0.1, 1], [5, 5, 0])!.Value, 6);
        Assert.Equal(0.55, HistogramQuantile.Estimate(0.75, [0.1, 1], [5, 5, 0])!.Value, 6);
        Assert.Equal(1, HistogramQuantile.Estimate(0.99, [0.1, 1], [0, 0, 3])!.Value, 6);
        Assert.Null(HistogramQuantile.Estimate(0.5, [0.1, 1], [0, 0, 0]));
    }

    [Theory]
    [InlineData("30s", 30)]
    [InlineData("15m", 900)]
    [InlineData("1h", 3600)]
    [InlineData(null, 900)]
    public void Parse_Durations_Seconds(string? text, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), MetricsWindow.Parse(text));

    [Theory]
    [InlineData("15")]
    [InlineData("m")]
    [InlineData("-5m")]
    [InlineData("2h")]
    public void Parse_Unusable_ValidationError(string text) =>
        Assert.Throws<WharfValidationException>(() => MetricsWindow.Parse(text));

    private static RequestCounters Counters(string service, int release, long requests, long errors)
    {
        var buckets = new long[RequestDurations.Bounds.Count + 1];
        buckets[0] = requests;
        return new RequestCounters("shop", service, release, [0, requests - errors, 0, 0, errors], buckets, 0, 0, 0);
    }
}
