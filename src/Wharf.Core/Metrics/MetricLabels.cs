using System.Collections;

namespace Wharf.Core.Metrics;

/// <summary>A sample's labels, in the order written.</summary>
public sealed class MetricLabels : IEnumerable<(string Name, string Value)>
{
    private readonly List<(string Name, string Value)> _labels = [];

    public static MetricLabels None { get; } = new();

    public int Count => _labels.Count;

    public MetricLabels Add(string name, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(value);
        _labels.Add((name, value));
        return this;
    }

    /// <summary>A copy with one more label.</summary>
    public MetricLabels With(string name, string value)
    {
        var copy = new MetricLabels();
        copy._labels.AddRange(_labels);
        return copy.Add(name, value);
    }

    public IEnumerator<(string Name, string Value)> GetEnumerator() => _labels.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
