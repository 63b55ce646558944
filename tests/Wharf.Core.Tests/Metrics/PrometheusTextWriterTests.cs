using Wharf.Core.Metrics;

namespace Wharf.Core.Tests.Metrics;

public sealed class PrometheusTextWriterTests
{
    [Fact]
    public void Sample_LabelWithQuoteBackslashAndNewline_Escaped()
    {
        var writer = new PrometheusTextWriter();
        writer.Family("wharf_test", "gauge", "A test.\nSecond line with \\.");

        writer.Sample("wharf_test", new MetricLabels().Add("app", "a\"b\\c\nd"), 1.5);

        Assert.Equal(
            "# HELP wharf_test A test.\\nSecond line with \\\\.\n# TYPE wharf_test gauge\nwharf_test{app=\"a\\\"b\\\\c\\nd\"} 1.5\n",
            writer.ToString());
    }

    [Fact]
    public void Histogram_BucketCounts_CumulativeWithInfSumAndCount()
    {
        var writer = new PrometheusTextWriter();
        writer.Family("wharf_d", "histogram", "Durations.");

        writer.Histogram("wharf_d", new MetricLabels().Add("app", "x"), [0.1, 1], [2, 3, 1], 4.25);

        Assert.Equal(
            """
            # HELP wharf_d Durations.
            # TYPE wharf_d histogram
            wharf_d_bucket{app="x",le="0.1"} 2
            wharf_d_bucket{app="x",le="1"} 5
            wharf_d_bucket{app="x",le="+Inf"} 6
            wharf_d_sum{app="x"} 4.25
            wharf_d_count{app="x"} 6

            """.ReplaceLineEndings("\n"),
            writer.ToString());
    }

    [Fact]
    public void Histogram_NoLabels_OnlyLe()
    {
        var writer = new PrometheusTextWriter();

        writer.Histogram("h", MetricLabels.None, [1], [0, 0], 0);

        Assert.StartsWith("h_bucket{le=\"1\"} 0\nh_bucket{le=\"+Inf\"} 0\nh_sum 0\nh_count 0\n", writer.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Histogram_WrongBucketCount_Throws()
    {
        var writer = new PrometheusTextWriter();

        var e = Assert.Throws<ArgumentException>(() => writer.Histogram("h", MetricLabels.None, [1, 2], [1, 2], 0));

        Assert.Contains("needs 3 bucket counts", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Family_SameNameTwice_HeaderWrittenOnce()
    {
        var writer = new PrometheusTextWriter();

        writer.Family("c", "counter", "C.");
        writer.Family("c", "counter", "C.");

        Assert.Equal("# HELP c C.\n# TYPE c counter\n", writer.ToString());
    }

    [Theory]
    [InlineData(double.PositiveInfinity, "+Inf")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(0.001, "0.001")]
    [InlineData(1234567890123d, "1234567890123")]
    public void FormatValue_SpecialAndPlain_PrometheusSpelling(double value, string expected) =>
        Assert.Equal(expected, PrometheusTextWriter.FormatValue(value));

    [Fact]
    public void RequestMetricsText_OneCell_EveryFamilyWithItsLabels()
    {
        var writer = new PrometheusTextWriter();
        long[] buckets = new long[RequestDurations.Bounds.Count + 1];
        buckets[2] = 3;
        var counters = new RequestCounters("shop", "web", 4, [0, 2, 0, 0, 1], buckets, 0.012, 10, 300);

        RequestMetricsText.Write(writer, [counters]);

        var text = writer.ToString();
        Assert.Contains("wharf_http_requests_total{app=\"shop\",service=\"web\",release=\"4\",code=\"2xx\"} 2\n", text, StringComparison.Ordinal);
        Assert.Contains("wharf_http_requests_total{app=\"shop\",service=\"web\",release=\"4\",code=\"5xx\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("wharf_http_request_duration_seconds_bucket{app=\"shop\",service=\"web\",release=\"4\",le=\"+Inf\"} 3\n", text, StringComparison.Ordinal);
        Assert.Contains("wharf_http_request_duration_seconds_count{app=\"shop\",service=\"web\",release=\"4\"} 3\n", text, StringComparison.Ordinal);
        Assert.Contains("wharf_http_request_bytes_total{app=\"shop\",service=\"web\",release=\"4\"} 10\n", text, StringComparison.Ordinal);
        Assert.Contains("wharf_http_response_bytes_total{app=\"shop\",service=\"web\",release=\"4\"} 300\n", text, StringComparison.Ordinal);
    }
}
