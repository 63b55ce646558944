namespace Wharf.Core.Metrics;

/// <summary>Writes the router's request counters as Prometheus families.</summary>
public static class RequestMetricsText
{
    public const string Requests = "wharf_http_requests_total";
    public const string Duration = "wharf_http_request_duration_seconds";
    public const string RequestBytes = "wharf_http_request_bytes_total";
    public const string ResponseBytes = "wharf_http_response_bytes_total";

    public static void Write(PrometheusTextWriter writer, IReadOnlyList<RequestCounters> counters)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(counters);
        writer.Family(Requests, "counter", "Requests the router answered for an app, by service, release and status class.");
        foreach (var c in counters)
        {
            for (var i = 0; i < c.StatusClasses.Count; i++)
            {
                writer.Sample(Requests, Labels(c).With("code", RequestCounters.StatusClassLabel(i)), c.StatusClasses[i]);
            }
        }

        writer.Family(Duration, "histogram", "Time from a request's arrival at the router until its response headers and body were passed on.");
        foreach (var c in counters)
        {
            writer.Histogram(Duration, Labels(c), RequestDurations.Bounds, c.DurationBuckets, c.DurationSeconds);
        }

        writer.Family(RequestBytes, "counter", "Request body bytes the router passed to an app.");
        foreach (var c in counters)
        {
            writer.Sample(RequestBytes, Labels(c), c.RequestBytes);
        }

        writer.Family(ResponseBytes, "counter", "Response body bytes the router sent to clients for an app.");
        foreach (var c in counters)
        {
            writer.Sample(ResponseBytes, Labels(c), c.ResponseBytes);
        }
    }

    private static MetricLabels Labels(RequestCounters c) => new MetricLabels()
        .Add("app", c.App)
        .Add("service", c.Service)
        .Add("release", c.Release.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
