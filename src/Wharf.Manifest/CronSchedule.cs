using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using Wharf.Manifest.Cron;

namespace Wharf.Manifest;

/// <summary>A five-field cron schedule (minute hour day-of-month month day-of-week), evaluated in UTC.</summary>
/// <remarks>
/// Follows Vixie cron: when both day fields are restricted a day matches if EITHER matches, and a field starting
/// with '*' (even "*/2") counts as unrestricted for that rule. Two schedules are equal when they fire at the same times.
/// </remarks>
public sealed class CronSchedule : IEquatable<CronSchedule>
{
    private static readonly FrozenDictionary<string, string> _macros = new Dictionary<string, string>
    {
        ["@yearly"] = "0 0 1 1 *",
        ["@annually"] = "0 0 1 1 *",
        ["@monthly"] = "0 0 1 * *",
        ["@weekly"] = "0 0 * * 0",
        ["@daily"] = "0 0 * * *",
        ["@midnight"] = "0 0 * * *",
        ["@hourly"] = "0 * * * *",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    // Day 1 exists in every month and each weekday falls on it within 28 years, so any schedule Parse accepts
    // fires within this horizon; going further would only hide a bug.
    private const int SearchYears = 30;

    private readonly ulong[] _masks;
    private readonly bool _dayOfMonthStar;
    private readonly bool _dayOfWeekStar;

    private CronSchedule(string expression, ulong[] masks, bool dayOfMonthStar, bool dayOfWeekStar)
    {
        Expression = expression;
        _masks = masks;
        _dayOfMonthStar = dayOfMonthStar;
        _dayOfWeekStar = dayOfWeekStar;
    }

    /// <summary>The expression as written.</summary>
    public string Expression { get; }

    /// <exception cref="FormatException">The expression is not valid; the message names the field.</exception>
    public static CronSchedule Parse(string expression) =>
        TryParse(expression, out var schedule, out var error) ? schedule : throw new FormatException(error);

    public static bool TryParse(string expression, [NotNullWhen(true)] out CronSchedule? schedule, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(expression);
        schedule = null;
        var text = expression.Trim();
        if (text.StartsWith('@') && !_macros.TryGetValue(text, out text))
        {
            error = $"unknown macro '{expression.Trim()}'; use @yearly, @monthly, @weekly, @daily or @hourly";
            return false;
        }

        var fields = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != CronField.All.Count)
        {
            error = $"expected 5 fields (minute hour day-of-month month day-of-week), got {fields.Length}";
            return false;
        }

        var masks = new ulong[fields.Length];
        for (var i = 0; i < fields.Length; i++)
        {
            if (!CronFieldParser.TryParse(CronField.All[i], fields[i], out masks[i], out error))
            {
                return false;
            }
        }

        const ulong SundayAsSeven = 1UL << 7;
        masks[4] = (masks[4] & ~SundayAsSeven) | ((masks[4] & SundayAsSeven) >> 7);
        var dayOfMonthStar = fields[2].StartsWith('*');
        var dayOfWeekStar = fields[4].StartsWith('*');
        if (dayOfWeekStar && !dayOfMonthStar && !AnyMonthHasDay(masks[3], BitOperations.TrailingZeroCount(masks[2])))
        {
            error = $"day-of-month field: no selected month has a day {BitOperations.TrailingZeroCount(masks[2])}, so the schedule would never run";
            return false;
        }

        schedule = new CronSchedule(expression, masks, dayOfMonthStar, dayOfWeekStar);
        error = null;
        return true;
    }

    /// <summary>The first time strictly after <paramref name="after"/> the schedule fires, at a whole minute in UTC.</summary>
    public DateTimeOffset Next(DateTimeOffset after)
    {
        var utc = after.UtcDateTime;
        var time = new DateTime(utc.Year, utc.Month, utc.Day, utc.Hour, utc.Minute, 0, DateTimeKind.Utc).AddMinutes(1);
        var limit = time.AddYears(SearchYears);
        while (time < limit)
        {
            if (!Has(3, time.Month))
            {
                time = new DateTime(time.Year, time.Month, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths(1);
            }
            else if (!DayMatches(time))
            {
                time = time.Date.AddDays(1);
            }
            else if (!Has(1, time.Hour))
            {
                time = time.Date.AddHours(time.Hour + 1);
            }
            else if (!Has(0, time.Minute))
            {
                time = time.AddMinutes(1);
            }
            else
            {
                return new DateTimeOffset(time, TimeSpan.Zero);
            }
        }

        throw new InvalidOperationException($"Cron schedule '{Expression}' did not fire within {SearchYears} years.");
    }

    /// <summary>Successive firing times after <paramref name="after"/>; endless, so take what you need.</summary>
    public IEnumerable<DateTimeOffset> Occurrences(DateTimeOffset after)
    {
        for (var next = Next(after); ; next = Next(next))
        {
            yield return next;
        }
    }

    public bool Equals(CronSchedule? other) =>
        other is not null
        && _masks.AsSpan().SequenceEqual(other._masks)
        && _dayOfMonthStar == other._dayOfMonthStar
        && _dayOfWeekStar == other._dayOfWeekStar;

    public override bool Equals(object? obj) => Equals(obj as CronSchedule);

    public override int GetHashCode() => HashCode.Combine(_masks[0], _masks[1], _masks[2], _masks[3], _masks[4]);

    public override string ToString() => Expression;

    private bool Has(int field, int value) => (_masks[field] & (1UL << value)) != 0;

    private bool DayMatches(DateTime day)
    {
        var dayOfMonth = Has(2, day.Day);
        var dayOfWeek = Has(4, (int)day.DayOfWeek);
        return _dayOfMonthStar || _dayOfWeekStar ? dayOfMonth && dayOfWeek : dayOfMonth || dayOfWeek;
    }

    private static bool AnyMonthHasDay(ulong months, int day)
    {
        int[] longest = [0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
        for (var month = 1; month <= 12; month++)
        {
            if ((months & (1UL << month)) != 0 && longest[month] >= day)
            {
                return true;
            }
        }

        return false;
    }
}
