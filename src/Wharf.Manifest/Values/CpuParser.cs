using System.Globalization;

namespace Wharf.Manifest.Values;

/// <summary>CPU limits: cores as a number ("0.5", "2") or thousandths of a core as Kubernetes writes them ("500m").</summary>
internal static class CpuParser
{
    // No machine Wharf targets has more cores; the cap keeps the millicore count inside an int.
    private const int MaxMillicores = 1024 * 1000;

    public static bool TryParse(string text, out int millicores)
    {
        millicores = 0;
        decimal value;
        if (text.EndsWith('m'))
        {
            if (!int.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var milli))
            {
                return false;
            }

            value = milli;
        }
        else if (decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var cores))
        {
            value = cores * 1000;
        }
        else
        {
            return false;
        }

        // A fraction of a millicore cannot be enforced, so "0.0005" is refused rather than silently rounded.
        if (value <= 0 || value > MaxMillicores || value != decimal.Truncate(value))
        {
            return false;
        }

        millicores = (int)value;
        return true;
    }
}
