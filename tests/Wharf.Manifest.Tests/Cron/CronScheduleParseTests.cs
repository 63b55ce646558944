namespace Wharf.Manifest.Tests.Cron;

public class CronScheduleParseTests
{
    [Theory]
    [InlineData("* * * * *")]
    [InlineData("*/5 * * * *")]
    [InlineData("0,15,30,45 * * * *")]
    [InlineData("1-10/2 * * * *")]
    [InlineData("5/15 * * * *")]
    [InlineData("0 9-17 * * MON-FRI")]
    [InlineData("0 0 1 jan,Jul *")]
    [InlineData("0 0 * * 7")]
    [InlineData("0 0 * * FRI-SUN")]
    [InlineData("0 0 30 2 MON")]
    [InlineData("  0   3 * * *  ")]
    [InlineData("@daily")]
    [InlineData("@HOURLY")]
    public void TryParse_ValidExpression_Succeeds(string expression)
    {
        Assert.True(CronSchedule.TryParse(expression, out var schedule, out var error), error);
        Assert.Equal(expression, schedule.Expression);
    }

    [Theory]
    [InlineData("", "expected 5 fields (minute hour day-of-month month day-of-week), got 0")]
    [InlineData("* * * *", "expected 5 fields (minute hour day-of-month month day-of-week), got 4")]
    [InlineData("* * * * * *", "expected 5 fields (minute hour day-of-month month day-of-week), got 6")]
    [InlineData("60 * * * *", "minute field: 60 is out of range 0-59")]
    [InlineData("* 24 * * *", "hour field: 24 is out of range 0-23")]
    [InlineData("* * 0 * *", "day-of-month field: 0 is out of range 1-31")]
    [InlineData("* * * 13 *", "month field: 13 is out of range 1-12 or JAN-DEC")]
    [InlineData("* * * * 8", "day-of-week field: 8 is out of range 0-7 or SUN-SAT")]
    [InlineData("* * * JAX *", "month field: 'JAX' is not a value in 1-12 or JAN-DEC")]
    [InlineData("MON * * * *", "minute field: 'MON' is not a value in 0-59")]
    [InlineData("*/0 * * * *", "minute field: the step in '*/0' must be a whole number of at least 1")]
    [InlineData("* */x * * *", "hour field: the step in '*/x' must be a whole number of at least 1")]
    [InlineData("5-1 * * * *", "minute field: the range 5-1 starts after it ends")]
    [InlineData("* * * * SAT-MON", "day-of-week field: the range SAT-MON starts after it ends")]
    [InlineData("1,,2 * * * *", "minute field: a list has an empty item")]
    [InlineData("1- * * * *", "minute field: a range is missing a value")]
    [InlineData("0 0 30 2 *", "day-of-month field: no selected month has a day 30, so the schedule would never run")]
    [InlineData("0 0 31 APR,JUN *", "day-of-month field: no selected month has a day 31, so the schedule would never run")]
    [InlineData("@reboot", "unknown macro '@reboot'; use @yearly, @monthly, @weekly, @daily or @hourly")]
    public void TryParse_InvalidExpression_NamesTheProblem(string expression, string message)
    {
        Assert.False(CronSchedule.TryParse(expression, out var schedule, out var error));
        Assert.Null(schedule);
        Assert.Equal(message, error);
    }

    [Fact]
    public void Parse_InvalidExpression_ThrowsFormatExceptionWithTheMessage()
    {
        var exception = Assert.Throws<FormatException>(() => CronSchedule.Parse("61 * * * *"));

        Assert.Equal("minute field: 61 is out of range 0-59", exception.Message);
    }

    [Fact]
    public void Equals_SameTimesWrittenDifferently_AreEqual()
    {
        Assert.Equal(CronSchedule.Parse("0 0 * * 0"), CronSchedule.Parse("@weekly"));
        Assert.Equal(CronSchedule.Parse("0 9 * * MON-FRI"), CronSchedule.Parse("0 9 * * 1,2,3,4,5"));
        Assert.NotEqual(CronSchedule.Parse("0 9 * * *"), CronSchedule.Parse("0 10 * * *"));
    }
}
