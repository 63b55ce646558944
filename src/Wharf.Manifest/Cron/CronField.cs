namespace Wharf.Manifest.Cron;

/// <summary>The rules of one of the five cron fields: its name for messages, its range and the names it accepts.</summary>
/// <param name="Names">Three-letter aliases for <see cref="Min"/>, <see cref="Min"/>+1, ...; empty when the field has none.</param>
internal sealed record CronField(string Name, int Min, int Max, IReadOnlyList<string> Names)
{
    public static CronField Minute { get; } = new("minute", 0, 59, []);

    public static CronField Hour { get; } = new("hour", 0, 23, []);

    public static CronField DayOfMonth { get; } = new("day-of-month", 1, 31, []);

    public static CronField Month { get; } = new("month", 1, 12,
        ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]);

    // 7 is Sunday too, as in Vixie cron, so "MON-SUN" and "1-7" both mean every day.
    public static CronField DayOfWeek { get; } = new("day-of-week", 0, 7, ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"]);

    public static IReadOnlyList<CronField> All { get; } = [Minute, Hour, DayOfMonth, Month, DayOfWeek];

    public string Describe() => Names.Count == 0
        ? $"{Min}-{Max}"
        : $"{Min}-{Max} or {Names[0]}-{Names[^1]}";
}
