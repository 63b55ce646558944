namespace Wharf.Core.Metrics;

/// <summary>
/// A quantile estimated from histogram bucket counts, as Prometheus' histogram_quantile does: linear within the
/// bucket it falls in; one past the highest bound reads as that bound.
/// </summary>
public static class HistogramQuantile
{
    /// <param name="counts">Count per bucket (not cumulative), one more than <paramref name="bounds"/>.</param>
    /// <returns>Null when the histogram is empty.</returns>
    public static double? Estimate(double quantile, IReadOnlyList<double> bounds, IReadOnlyList<long> counts)
    {
        ArgumentNullException.ThrowIfNull(bounds);
        ArgumentNullException.ThrowIfNull(counts);
        var total = counts.Sum();
        if (total <= 0)
        {
            return null;
        }

        var rank = quantile * total;
        long below = 0;
        for (var i = 0; i < counts.Count; i++)
        {
            if (counts[i] > 0 && below + counts[i] >= rank)
            {
                if (i >= bounds.Count)
                {
                    return bounds[^1];
                }

                var lower = i == 0 ? 0 : bounds[i - 1];
                return lower + ((bounds[i] - lower) * (rank - below) / counts[i]);
            }

            below += counts[i];
        }

        return bounds[^1];
    }
}
