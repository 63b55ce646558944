using Wharf.Core.Logs;

namespace Wharf.Core.Tests.Logs;

public sealed class LogTimesTests
{
    private static readonly DateTimeOffset _now = new(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("10m", 0, 10, 0)]
    [InlineData("45s", 0, 0, 45)]
    [InlineData("2h", 2, 0, 0)]
    [InlineData("1h30m", 1, 30, 0)]
    [InlineData("3d", 72, 0, 0)]
    public void TryParse_Duration_IsThatLongAgo(string text, int hours, int minutes, int seconds)
    {
        Assert.True(LogTimes.TryParse(text, _now, out var time));

        Assert.Equal(_now - new TimeSpan(hours, minutes, seconds), time);
    }

    [Theory]
    [InlineData("2026-05-01T10:00:00Z", 10)]
    [InlineData("2026-05-01T12:00:00+02:00", 10)]
    [InlineData("2026-05-01", 0)]
    public void TryParse_Rfc3339_IsThatInstant(string text, int hour)
    {
        Assert.True(LogTimes.TryParse(text, _now, out var time));

        Assert.Equal(new DateTimeOffset(2026, 5, 1, hour, 0, 0, TimeSpan.Zero), time);
    }

    [Theory]
    [InlineData("")]
    [InlineData("10")]
    [InlineData("ten minutes")]
    [InlineData("10 m")]
    [InlineData("5w")]
    [InlineData("yesterday")]
    [InlineData("999999999d")]
    public void TryParse_Nonsense_IsNoTime(string text)
    {
        Assert.False(LogTimes.TryParse(text, _now, out _));
    }

    [Fact]
    public void Problem_NamesTheOptionAndTheForms()
    {
        Assert.Equal(
            "--since 'soon' is not a time: give a duration back from now such as 10m, 2h, 1h30m or 3d, or an RFC 3339 time such as 2026-05-01T10:00:00Z.",
            LogTimes.Problem("--since", "soon"));
    }
}
