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
}
