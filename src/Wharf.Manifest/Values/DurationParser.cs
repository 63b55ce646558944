using System.Globalization;

namespace Wharf.Manifest.Values;

/// <summary>Durations as people write them in manifests: a whole number of seconds, or "10s", "2m", "500ms", "1h30m".</summary>
internal static class DurationParser
{
    // A year is far beyond any grace period or timeout, and keeps the arithmetic clear of overflow.
    private static readonly TimeSpan _longest = TimeSpan.FromDays(366);

    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (text.Length > 0 && text.All(char.IsAsciiDigit))
        {
            if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds > _longest.TotalSeconds)
            {
                return false;
            }

            duration = TimeSpan.FromSeconds(seconds);
            return true;
        }

        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            var unitStart = i;
            while (i < text.Length && char.IsAsciiLetter(text[i]))
            {
                i++;
            }

            if (unitStart == start || unitStart == i
                || !long.TryParse(text.AsSpan(start, unitStart - start), NumberStyles.None, CultureInfo.InvariantCulture, out var amount)
                || Unit(text[unitStart..i]) is not { } unit
                || amount > _longest.Ticks / unit.Ticks)
            {
                return false;
            }

            duration += unit * amount;
            if (duration > _longest)
            {
                return false;
            }
        }

        return text.Length > 0;
    }

    /// <summary>The shortest way to write <paramref name="duration"/> in a manifest, e.g. "90s", "2m", "500ms".</summary>
    public static string Format(TimeSpan duration) => duration switch
    {
        { Ticks: 0 } => "0s",
        _ when duration.Ticks % TimeSpan.TicksPerSecond != 0 => $"{(long)duration.TotalMilliseconds}ms",
        _ when duration.Ticks % TimeSpan.TicksPerHour == 0 => $"{(long)duration.TotalHours}h",
        _ when duration.Ticks % TimeSpan.TicksPerMinute == 0 => $"{(long)duration.TotalMinutes}m",
        _ => $"{(long)duration.TotalSeconds}s",
    };

    private static TimeSpan? Unit(string unit) => unit switch
    {
        "ms" => TimeSpan.FromMilliseconds(1),
        "s" => TimeSpan.FromSeconds(1),
        "m" => TimeSpan.FromMinutes(1),
        "h" => TimeSpan.FromHours(1),
        _ => null,
    };
}
