using System.Globalization;
using System.Text.RegularExpressions;

namespace Wharf.Core.Logs;

/// <summary>
/// The times `wharf logs --since/--until` take: a duration back from now ("10m", "1h30m", "2d", "45s") or an RFC 3339
/// time ("2026-05-01T10:00:00Z", "2026-05-01").
/// </summary>
public static partial class LogTimes
{
    public static bool TryParse(string? text, DateTimeOffset now, out DateTimeOffset time)
    {
        time = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        text = text.Trim();
        var match = Duration().Match(text);
        if (match.Success)
        {
            var ago = TimeSpan.Zero;
            foreach (Capture part in match.Groups["part"].Captures)
            {
                var number = long.Parse(part.Value[..^1], NumberStyles.None, CultureInfo.InvariantCulture);
                if (number > 100_000)
                {
                    return false;
                }

                ago += part.Value[^1] switch
                {
                    's' => TimeSpan.FromSeconds(number),
                    'm' => TimeSpan.FromMinutes(number),
                    'h' => TimeSpan.FromHours(number),
                    _ => TimeSpan.FromDays(number),
                };
            }

            time = ago < now - DateTimeOffset.MinValue ? now - ago : DateTimeOffset.MinValue;
            return true;
        }

        return (text.Contains('T', StringComparison.Ordinal) || text.Length == 10)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time);
    }

    /// <summary>Why <paramref name="text"/> is no time, naming the option it came from.</summary>
    public static string Problem(string name, string? text) =>
        $"{name} '{text}' is not a time: give a duration back from now such as 10m, 2h, 1h30m or 3d, or an RFC 3339 time such as 2026-05-01T10:00:00Z.";

    [GeneratedRegex("^(?<part>[0-9]+[smhd])+$", RegexOptions.CultureInvariant)]
    private static partial Regex Duration();
}
