using System.Globalization;
using Wharf.Core.Errors;

namespace Wharf.Core.Metrics;

/// <summary>A `--since` window such as "15m": seconds (s), minutes (m) or hours (h), up to <see cref="RequestHistory.Retention"/>.</summary>
public static class MetricsWindow
{
    public static readonly TimeSpan Default = TimeSpan.FromMinutes(15);

    /// <exception cref="WharfValidationException">The text is not a duration Wharf keeps history for.</exception>
    public static TimeSpan Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Default;
        }

        var trimmed = text.Trim();
        var unit = trimmed[^1];
        var ok = int.TryParse(trimmed[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var amount) && amount > 0;
        TimeSpan? window = !ok ? null : unit switch
        {
            's' => TimeSpan.FromSeconds(amount),
            'm' => TimeSpan.FromMinutes(amount),
            'h' => TimeSpan.FromHours(amount),
            _ => null,
        };
        if (window is null)
        {
            throw Invalid($"'{trimmed}' is not a duration: give a whole number with s, m or h, e.g. 15m.");
        }

        if (window > RequestHistory.Retention)
        {
            throw Invalid($"'{trimmed}' reaches back further than the hour of request history the server keeps: give 1h or less.");
        }

        return window.Value;
    }

    private static WharfValidationException Invalid(string message) =>
        new(message, new Dictionary<string, string[]> { ["since"] = [message] });
}
