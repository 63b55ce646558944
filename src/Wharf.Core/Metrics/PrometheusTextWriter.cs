using System.Globalization;
using System.Text;

namespace Wharf.Core.Metrics;

/// <summary>
/// Writes the Prometheus text exposition format (version 0.0.4): a HELP and TYPE line per family, then its samples,
/// label values escaped, numbers in invariant culture. The one place Wharf's metrics text is written.
/// </summary>
public sealed class PrometheusTextWriter
{
    /// <summary>The content type Prometheus expects for this format.</summary>
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    private readonly StringBuilder _text = new();
    private readonly HashSet<string> _families = new(StringComparer.Ordinal);

    /// <summary>Starts a family; once per name (a second call for the same name is ignored, so its samples join the first).</summary>
    /// <param name="type">"counter", "gauge" or "histogram".</param>
    public void Family(string name, string type, string help)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (!_families.Add(name))
        {
            return;
        }

        _text.Append("# HELP ").Append(name).Append(' ').Append(EscapeHelp(help)).Append('\n');
        _text.Append("# TYPE ").Append(name).Append(' ').Append(type).Append('\n');
    }

    public void Sample(string name, MetricLabels labels, double value)
    {
        _text.Append(name);
        AppendLabels(labels, null);
        _text.Append(' ').Append(FormatValue(value)).Append('\n');
    }

    /// <summary>
    /// A histogram's samples: cumulative <c>_bucket</c> lines (one per bound, then <c>le="+Inf"</c>), <c>_sum</c> and
    /// <c>_count</c>. <paramref name="counts"/> holds the count in each bucket alone (not cumulative), one more than
    /// <paramref name="bounds"/>: the last is above every bound.
    /// </summary>
    public void Histogram(string name, MetricLabels labels, IReadOnlyList<double> bounds, IReadOnlyList<long> counts, double sum)
    {
        ArgumentNullException.ThrowIfNull(bounds);
        ArgumentNullException.ThrowIfNull(counts);
        if (counts.Count != bounds.Count + 1)
        {
            throw new ArgumentException($"A histogram with {bounds.Count} bounds needs {bounds.Count + 1} bucket counts, not {counts.Count}.", nameof(counts));
        }

        long cumulative = 0;
        for (var i = 0; i <= bounds.Count; i++)
        {
            cumulative += counts[i];
            _text.Append(name).Append("_bucket");
            AppendLabels(labels, i < bounds.Count ? FormatValue(bounds[i]) : "+Inf");
            _text.Append(' ').Append(cumulative.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        _text.Append(name).Append("_sum");
        AppendLabels(labels, null);
        _text.Append(' ').Append(FormatValue(sum)).Append('\n');
        _text.Append(name).Append("_count");
        AppendLabels(labels, null);
        _text.Append(' ').Append(cumulative.ToString(CultureInfo.InvariantCulture)).Append('\n');
    }

    /// <summary>A comment line (e.g. why a part is missing); line breaks in it become spaces.</summary>
    public void Comment(string text) =>
        _text.Append("# ").Append(text.ReplaceLineEndings(" ")).Append('\n');

    public override string ToString() => _text.ToString();

    /// <summary>Label values escape backslash, double quote and line feed.</summary>
    public static string EscapeLabelValue(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    public static string FormatValue(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        double.NaN => "NaN",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    /// <summary>HELP text escapes backslash and line feed.</summary>
    private static string EscapeHelp(string help) =>
        help.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    private void AppendLabels(MetricLabels labels, string? le)
    {
        if (labels.Count == 0 && le is null)
        {
            return;
        }

        _text.Append('{');
        var first = true;
        foreach (var (name, value) in labels)
        {
            if (!first)
            {
                _text.Append(',');
            }

            first = false;
            _text.Append(name).Append("=\"").Append(EscapeLabelValue(value)).Append('"');
        }

        if (le is not null)
        {
            _text.Append(first ? "" : ",").Append("le=\"").Append(le).Append('"');
        }

        _text.Append('}');
    }
}
