using System.Globalization;

namespace Wharf.Core.Resources;

/// <summary>Sizes such as "10GB", "512MB", "1Gi" or a number of bytes; units are binary, as Docker reads them.</summary>
public static class StorageSize
{
    private static readonly (string Unit, long Bytes)[] _units =
    [
        ("tib", 1L << 40), ("tb", 1L << 40), ("ti", 1L << 40), ("t", 1L << 40),
        ("gib", 1L << 30), ("gb", 1L << 30), ("gi", 1L << 30), ("g", 1L << 30),
        ("mib", 1L << 20), ("mb", 1L << 20), ("mi", 1L << 20), ("m", 1L << 20),
        ("kib", 1L << 10), ("kb", 1L << 10), ("ki", 1L << 10), ("k", 1L << 10),
        ("b", 1),
    ];

    public static bool TryParse(string text, out long bytes)
    {
        ArgumentNullException.ThrowIfNull(text);
        bytes = 0;
        var trimmed = text.Trim().ToLowerInvariant();
        var (unit, multiplier) = _units.FirstOrDefault(u => trimmed.EndsWith(u.Unit, StringComparison.Ordinal));
        var number = unit is null ? trimmed : trimmed[..^unit.Length].TrimEnd();
        if (!decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount) || amount <= 0)
        {
            return false;
        }

        var total = amount * (unit is null ? 1 : multiplier);
        if (total > long.MaxValue)
        {
            return false;
        }

        bytes = (long)decimal.Ceiling(total);
        return true;
    }

    /// <summary>"1.5 GiB", "512 MiB", "900 B".</summary>
    public static string Format(long bytes)
    {
        string[] names = ["B", "KiB", "MiB", "GiB", "TiB"];
        double value = bytes;
        var index = 0;
        while (value >= 1024 && index < names.Length - 1)
        {
            value /= 1024;
            index++;
        }

        return index == 0
            ? $"{bytes.ToString(CultureInfo.InvariantCulture)} B"
            : $"{value.ToString(value < 10 ? "0.#" : "0", CultureInfo.InvariantCulture)} {names[index]}";
    }
}
