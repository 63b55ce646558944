namespace Wharf.Manifest.Tests.Cron;

public class CronScheduleNextTests
{
    private static DateTimeOffset Utc(int year, int month, int day, int hour = 0, int minute = 0, int second = 0) =>
        new(year, month, day, hour, minute, second, TimeSpan.Zero);

    private static DateTimeOffset Next(string expression, DateTimeOffset after) => CronSchedule.Parse(expression).Next(after);

    [Fact]
    public void Next_EveryFifteenMinutes_RoundsUpToTheNextQuarter()
    {
        Assert.Equal(Utc(2025, 6, 1, 10, 15), Next("*/15 * * * *", Utc(2025, 6, 1, 10, 7, 30)));
    }

    [Fact]
    public void Next_ExactlyAtAFiringTime_ReturnsTheFollowingOne()
    {
        Assert.Equal(Utc(2025, 6, 1, 11), Next("0 * * * *", Utc(2025, 6, 1, 10)));
    }

    [Fact]
    public void Next_LastMinuteOfTheYear_CrossesIntoNextYear()
    {
        Assert.Equal(Utc(2025, 1, 1), Next("0 0 1 1 *", Utc(2024, 12, 31, 23, 59)));
        Assert.Equal(Utc(2026, 1, 1, 23, 59), Next("59 23 * * *", Utc(2025, 12, 31, 23, 59)));
    }

    [Fact]
    public void Next_DayMissingFromSomeMonths_SkipsThoseMonths()
    {
        Assert.Equal(Utc(2025, 3, 31, 2, 30), Next("30 2 31 * *", Utc(2025, 1, 31, 3)));
    }

    [Fact]
    public void Next_LeapDay_WaitsForTheNextLeapYear()
    {
        Assert.Equal(Utc(2028, 2, 29), Next("0 0 29 2 *", Utc(2025, 3, 1)));
    }

    [Fact]
    public void Next_MonthName_FindsItNextYear()
    {
        Assert.Equal(Utc(2026, 12, 1), Next("0 0 1 DEC *", Utc(2025, 12, 2)));
    }

    [Fact]
    public void Next_BothDayFieldsRestricted_MatchesEitherLikeVixieCron()
    {
        // 2025-06-30 is a Monday; the 1st of July is a Tuesday.
        Assert.Equal(Utc(2025, 7, 1), Next("0 0 1 * MON", Utc(2025, 6, 30, 12)));
        Assert.Equal(Utc(2025, 7, 7), Next("0 0 1 * MON", Utc(2025, 7, 1, 12)));
    }

    [Fact]
    public void Next_DayOfMonthStartsWithStar_RequiresBothDayFields()
    {
        // "*/2" keeps odd days only; it counts as unrestricted, so the weekday must match too: Monday 9 June.
        Assert.Equal(Utc(2025, 6, 9), Next("0 0 */2 * MON", Utc(2025, 6, 1)));
    }

    [Fact]
    public void Next_ImpossibleDayWithWeekday_FiresOnTheWeekday()
    {
        Assert.Equal(Utc(2026, 2, 2), Next("0 0 30 2 MON", Utc(2025, 6, 1)));
    }

    [Fact]
    public void Next_SevenAsWeekday_IsSunday()
    {
        Assert.Equal(Utc(2025, 6, 8, 12), Next("0 12 * * 7", Utc(2025, 6, 2)));
    }

    [Fact]
    public void Next_WeekdayRangeEndingOnSunday_IncludesTheWeekend()
    {
        var schedule = CronSchedule.Parse("0 0 * * FRI-SUN");

        Assert.Equal(
            [Utc(2025, 6, 6), Utc(2025, 6, 7), Utc(2025, 6, 8), Utc(2025, 6, 13)],
            schedule.Occurrences(Utc(2025, 6, 2)).Take(4));
    }

    [Fact]
    public void Next_WeekdaysDuringOfficeHours_SkipsTheWeekend()
    {
        // 2025-06-06 is a Friday.
        Assert.Equal(Utc(2025, 6, 9, 9), Next("0 9-17 * * MON-FRI", Utc(2025, 6, 6, 17, 30)));
    }

    [Fact]
    public void Next_AfterWithOffset_ComparesInUtc()
    {
        var next = Next("0 22 * * *", new DateTimeOffset(2025, 6, 1, 23, 30, 0, TimeSpan.FromHours(2)));

        Assert.Equal(Utc(2025, 6, 1, 22), next);
        Assert.Equal(TimeSpan.Zero, next.Offset);
    }

    [Fact]
    public void Occurrences_Daily_YieldsSuccessiveMidnights()
    {
        Assert.Equal(
            [Utc(2025, 2, 28), Utc(2025, 3, 1), Utc(2025, 3, 2)],
            CronSchedule.Parse("@daily").Occurrences(Utc(2025, 2, 27, 8)).Take(3));
    }

    [Fact]
    public void Next_SteppedRange_FiresOnTheSteps()
    {
        Assert.Equal(
            [Utc(2025, 6, 1, 0, 1), Utc(2025, 6, 1, 0, 3), Utc(2025, 6, 1, 0, 5), Utc(2025, 6, 1, 0, 7), Utc(2025, 6, 1, 0, 9), Utc(2025, 6, 1, 1, 1)],
            CronSchedule.Parse("1-10/2 * * * *").Occurrences(Utc(2025, 6, 1)).Take(6));
    }
}
