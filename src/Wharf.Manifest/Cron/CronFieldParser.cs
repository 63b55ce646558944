using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Wharf.Manifest.Cron;

/// <summary>Turns one cron field ("*/15", "1-5", "MON,WED,FRI") into a bit mask of the values it matches.</summary>
internal static class CronFieldParser
{
    /// <param name="mask">Bit n is set when value n matches.</param>
    /// <param name="error">Why the field is invalid, naming the field.</param>
    public static bool TryParse(CronField field, string text, out ulong mask, [NotNullWhen(false)] out string? error)
    {
        mask = 0;
        foreach (var item in text.Split(','))
        {
            if (!TryParseItem(field, item, out var bits, out error))
            {
                error = $"{field.Name} field: {error}";
                return false;
            }

            mask |= bits;
        }

        error = null;
        return true;
    }

    private static bool TryParseItem(CronField field, string item, out ulong mask, [NotNullWhen(false)] out string? error)
    {
        mask = 0;
        if (item.Length == 0)
        {
            error = "a list has an empty item";
            return false;
        }

        var slash = item.IndexOf('/', StringComparison.Ordinal);
        var rangeText = slash < 0 ? item : item[..slash];
        var step = 1;
        if (slash >= 0 && (!int.TryParse(item[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out step) || step < 1))
        {
            error = $"the step in '{item}' must be a whole number of at least 1";
            return false;
        }

        if (!TryParseRange(field, rangeText, stepped: slash >= 0, out var from, out var to, out error))
        {
            return false;
        }

        for (var value = from; value <= to; value += step)
        {
            mask |= 1UL << value;
        }

        return true;
    }

    private static bool TryParseRange(CronField field, string text, bool stepped, out int from, out int to, [NotNullWhen(false)] out string? error)
    {
        (from, to, error) = (field.Min, field.Max, null);
        if (text == "*")
        {
            return true;
        }

        var dash = text.IndexOf('-', StringComparison.Ordinal);
        if (dash < 0)
        {
            // "5/15" means "from 5 to the end, every 15", as most crons read it.
            var ok = TryParseValue(field, text, out from, out error);
            to = stepped ? field.Max : from;
            return ok;
        }

        if (!TryParseValue(field, text[..dash], out from, out error) || !TryParseValue(field, text[(dash + 1)..], out to, out error))
        {
            return false;
        }

        // "FRI-SUN": the name SUN is 0, but as a range end it means the 7 that closes the week.
        if (field == CronField.DayOfWeek && to == 0 && from > 0)
        {
            to = 7;
        }

        if (from > to)
        {
            error = $"the range {text} starts after it ends";
            return false;
        }

        return true;
    }

    private static bool TryParseValue(CronField field, string text, out int value, [NotNullWhen(false)] out string? error)
    {
        error = null;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value))
        {
            if (value >= field.Min && value <= field.Max)
            {
                return true;
            }

            error = $"{value} is out of range {field.Describe()}";
            return false;
        }

        for (var i = 0; i < field.Names.Count; i++)
        {
            if (string.Equals(field.Names[i], text, StringComparison.OrdinalIgnoreCase))
            {
                value = field.Min + i;
                return true;
            }
        }

        error = text.Length == 0
            ? "a range is missing a value"
            : $"'{text}' is not a value in {field.Describe()}";
        return false;
    }
}
