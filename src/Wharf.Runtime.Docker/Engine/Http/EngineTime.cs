using System.Globalization;

namespace Wharf.Runtime.Docker.Engine.Http;

/// <summary>Parses the engine's RFC 3339 nanosecond timestamps ("2024-05-01T10:00:00.123456789Z").</summary>
internal static class EngineTime
{
    private const int DotNetFractionDigits = 7;
    private const long NanosPerSecond = 1_000_000_000;

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

    /// <summary>
    /// Unix nanoseconds as "seconds.nanoseconds", exact: the engine compares a log's "since" with each line's own
    /// nanosecond timestamp, so a collector resuming at a line's time gets that line again, and nothing before it.
    /// </summary>
    public static string? ToUnixSecondsExact(long? unixNanos) =>
        unixNanos is { } n
            ? string.Create(CultureInfo.InvariantCulture, $"{Math.DivRem(n, NanosPerSecond, out var fraction)}.{fraction:D9}")
            : null;

    /// <summary>
    /// Parses an RFC 3339 time to Unix nanoseconds without losing any of its nine fraction digits (which
    /// <see cref="DateTimeOffset"/> would: it keeps seven).
    /// </summary>
    public static bool TryParseUnixNanos(ReadOnlySpan<char> text, out long unixNanos)
    {
        if (TryParseFixed(text, out unixNanos))
        {
            return true;
        }

        var dot = text.IndexOf('.');
        long fraction = 0;
        var whole = text.ToString();
        if (dot >= 0)
        {
            var digits = 0;
            while (dot + 1 + digits < text.Length && char.IsAsciiDigit(text[dot + 1 + digits]))
            {
                digits++;
            }

            if (digits is 0 or > 9)
            {
                return false;
            }

            for (var i = 0; i < 9; i++)
            {
                fraction = (fraction * 10) + (i < digits ? text[dot + 1 + i] - '0' : 0);
            }

            whole = string.Concat(text[..dot], text[(dot + 1 + digits)..]);
        }

        if (!DateTimeOffset.TryParse(whole, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var seconds))
        {
            return false;
        }

        unixNanos = (seconds.ToUnixTimeSeconds() * NanosPerSecond) + fraction;
        return true;
    }

    /// <summary>The engine's own form, "2006-01-02T15:04:05.000000000Z" (always nine digits, always UTC), without allocating: one per log line.</summary>
    private static bool TryParseFixed(ReadOnlySpan<char> text, out long unixNanos)
    {
        unixNanos = 0;
        if (text.Length != 30 || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' || text[16] != ':'
            || text[19] != '.' || text[29] != 'Z'
            || !TryDigits(text[..4], out var year) || !TryDigits(text[5..7], out var month) || !TryDigits(text[8..10], out var day)
            || !TryDigits(text[11..13], out var hour) || !TryDigits(text[14..16], out var minute) || !TryDigits(text[17..19], out var second)
            || !TryDigits(text[20..29], out var nanos)
            || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth((int)year, (int)month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var date = new DateTime((int)year, (int)month, (int)day, (int)hour, (int)minute, (int)second, DateTimeKind.Utc);
        unixNanos = (new DateTimeOffset(date).ToUnixTimeSeconds() * NanosPerSecond) + nanos;
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<char> text, out long value)
    {
        value = 0;
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return text.Length > 0;
    }
}
