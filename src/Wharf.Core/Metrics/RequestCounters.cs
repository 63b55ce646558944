namespace Wharf.Core.Metrics;

/// <summary>
/// The router's counters for one release of one service of an app, cumulative since the router started.
/// </summary>
/// <param name="StatusClasses">Requests answered per status class: index 0 is 1xx, 4 is 5xx.</param>
/// <param name="DurationBuckets">Requests per duration bucket of <see cref="RequestDurations.Bounds"/> (not cumulative; the last is above every bound).</param>
/// <param name="DurationSeconds">The sum of every request's duration.</param>
/// <param name="RequestBytes">Request body bytes passed to the app.</param>
/// <param name="ResponseBytes">Response body bytes sent to clients.</param>
public sealed record RequestCounters(
    string App,
    string Service,
    int Release,
    IReadOnlyList<long> StatusClasses,
    IReadOnlyList<long> DurationBuckets,
    double DurationSeconds,
    long RequestBytes,
    long ResponseBytes)
{
    public long Requests => StatusClasses.Sum();

    /// <summary>"2xx" for index 1: the label Prometheus series carry.</summary>
    public static string StatusClassLabel(int index) => $"{index + 1}xx";
}
