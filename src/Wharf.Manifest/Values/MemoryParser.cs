using System.Collections.Frozen;
using System.Globalization;

namespace Wharf.Manifest.Values;

/// <summary>Memory sizes: a number of bytes, or a number with a unit such as "512MB", "512m", "1GiB", "1.5g".</summary>
/// <remarks>
/// Every unit is binary (MB = MiB = 1024²), as Docker reads them: the same "512m" in a compose file and in
/// wharf.yml must not mean two different limits.
/// </remarks>
internal static class MemoryParser
{
    private static readonly FrozenDictionary<string, long> _units = new Dictionary<string, long>
    {
        ["b"] = 1,
        ["k"] = 1L << 10,
        ["kb"] = 1L << 10,
        ["kib"] = 1L << 10,
        ["m"] = 1L << 20,
        ["mb"] = 1L << 20,
        ["mib"] = 1L << 20,
        ["g"] = 1L << 30,
        ["gb"] = 1L << 30,
        ["gib"] = 1L << 30,
        ["t"] = 1L << 40,
        ["tb"] = 1L << 40,
        ["tib"] = 1L << 40,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    public static bool TryParse(string text, out long bytes)
    {
        bytes = 0;
        var unitStart = text.Length;
        while (unitStart > 0 && char.IsAsciiLetter(text[unitStart - 1]))
        {
            unitStart--;
        }

        var unit = text[unitStart..];
        var multiplier = 1L;
        if (unit.Length > 0 && !_units.TryGetValue(unit, out multiplier))
        {
            return false;
        }

        var number = text[..unitStart].TrimEnd();
        if (!decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
        {
            return false;
        }

        var total = amount * multiplier;
        if (total > long.MaxValue || total != decimal.Truncate(total))
        {
            return false;
        }

        bytes = (long)total;
        return true;
    }
}
