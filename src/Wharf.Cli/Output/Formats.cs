using System.Globalization;

namespace Wharf.Cli.Output;

/// <summary>How values read in human output; --json keeps the API's own representation.</summary>
internal static class Formats
{
    public static string Time(DateTimeOffset? time) =>
        time is { } t ? t.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) : "-";

    public static string Release(int? version) => version is { } v ? $"v{v}" : "-";

    public static string Number(int? number) => number is { } n ? n.ToString(CultureInfo.InvariantCulture) : "-";

    public static string List(IEnumerable<string> items) => string.Join(", ", items) is { Length: > 0 } text ? text : "-";

    /// <summary>"FOO", "FOO and BAR", "FOO, BAR and BAZ".</summary>
    public static string Keys(IReadOnlyList<string> keys) => keys.Count switch
    {
        0 => "nothing",
        1 => keys[0],
        _ => $"{string.Join(", ", keys.Take(keys.Count - 1))} and {keys[^1]}",
    };

    /// <summary>"512 B", "1.2 MB", "3.4 GB": decimal units, as upload sizes are usually shown.</summary>
    public static string Bytes(long? bytes)
    {
        if (bytes is not { } b)
        {
            return "-";
        }

        string[] units = ["B", "kB", "MB", "GB", "TB"];
        var value = (double)b;
        var unit = 0;
        while (value >= 1000 && unit < units.Length - 1)
        {
            value /= 1000;
            unit++;
        }

        return unit == 0
            ? $"{b} B"
            : string.Create(CultureInfo.InvariantCulture, $"{value:0.#} {units[unit]}");
    }

    /// <summary>Memory as `docker stats` shows it: binary units ("12.3 MiB"), with the limit when there is one.</summary>
    public static string Memory(long? bytes, long? limit = null)
    {
        if (bytes is not { } b)
        {
            return "-";
        }

        return limit is { } l and > 0 ? $"{Binary(b)} / {Binary(l)}" : Binary(b);
    }

    /// <summary>"45s", "3m 12s", "2h 5m", "4d 3h": the two largest units, as `docker ps` and Heroku show ages.</summary>
    public static string Duration(TimeSpan? duration)
    {
        if (duration is not { } d)
        {
            return "-";
        }

        if (d < TimeSpan.Zero)
        {
            d = TimeSpan.Zero;
        }

        return d switch
        {
            { TotalMinutes: < 1 } => $"{(int)d.TotalSeconds}s",
            { TotalHours: < 1 } => $"{d.Minutes}m {d.Seconds}s",
            { TotalDays: < 1 } => $"{d.Hours}h {d.Minutes}m",
            _ => $"{(int)d.TotalDays}d {d.Hours}h",
        };
    }

    public static string Percent(double? value) =>
        value is { } v ? v.ToString("0.0", CultureInfo.InvariantCulture) + "%" : "-";

    private static string Binary(long bytes)
    {
        string[] units = ["B", "KiB", "MiB", "GiB", "TiB"];
        var value = (double)bytes;
        var unit = 0;
        while (value >= 1024 && unit < units.Length - 1)
        {
            value /= 1024;
            unit++;
        }

        return unit == 0 ? $"{bytes} B" : string.Create(CultureInfo.InvariantCulture, $"{value:0.#} {units[unit]}");
    }
}
