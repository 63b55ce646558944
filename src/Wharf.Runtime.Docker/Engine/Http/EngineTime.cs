using System.Globalization;

namespace Wharf.Runtime.Docker.Engine.Http;

/// <summary>Parses the engine's RFC 3339 nanosecond timestamps ("2024-05-01T10:00:00.123456789Z").</summary>
internal static class EngineTime
{
    private const int DotNetFractionDigits = 7;

    public static DateTimeOffset Parse(string text) =>
        TryParse(text, out var value)
            ? value
            : throw new FormatException($"'{text}' is not an RFC 3339 time as the Docker engine writes them.");

    public static bool TryParse(ReadOnlySpan<char> text, out DateTimeOffset value)
    {
        var dot = text.IndexOf('.');
        if (dot >= 0)
        {
            var digits = 0;
            while (dot + 1 + digits < text.Length && char.IsAsciiDigit(text[dot + 1 + digits]))
            {
                digits++;
            }

            if (digits > DotNetFractionDigits)
            {
                var trimmed = string.Concat(text[..(dot + 1 + DotNetFractionDigits)], text[(dot + 1 + digits)..]);
                return DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);
            }
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);
    }

    /// <summary>
    /// Unix seconds with a fraction, the form "since" and "until" take: sub-second precision keeps
    /// events and log lines of the same second as the start time.
    /// </summary>
    public static string? ToUnixSeconds(DateTimeOffset? time) =>
        time is { } t ? (t.ToUnixTimeMilliseconds() / 1000.0).ToString("0.000", CultureInfo.InvariantCulture) : null;
}
