using System.Globalization;

namespace LogBench;

/// <summary>Percentiles of a set of measurements (milliseconds).</summary>
public sealed class Percentiles(IEnumerable<double> values)
{
    private readonly double[] _sorted = [.. values.Order()];

    public int Count => _sorted.Length;

    public double At(double percentile) =>
        _sorted.Length == 0 ? double.NaN : _sorted[Math.Clamp((int)Math.Ceiling(percentile / 100 * _sorted.Length) - 1, 0, _sorted.Length - 1)];

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"p50 {At(50):F2} ms, p99 {At(99):F2} ms, max {At(100):F2} ms ({Count} samples)");
}
