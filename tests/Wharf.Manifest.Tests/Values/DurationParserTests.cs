using Wharf.Manifest.Values;

namespace Wharf.Manifest.Tests.Values;

public class DurationParserTests
{
    [Theory]
    [InlineData("30", 30_000)]
    [InlineData("0", 0)]
    [InlineData("500ms", 500)]
    [InlineData("10s", 10_000)]
    [InlineData("2m", 120_000)]
    [InlineData("1h", 3_600_000)]
    [InlineData("1m30s", 90_000)]
    public void TryParse_ValidDuration_ReturnsIt(string text, long milliseconds)
    {
        Assert.True(DurationParser.TryParse(text, out var duration));
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), duration);
    }

    [Theory]
    [InlineData("")]
    [InlineData("s")]
    [InlineData("1.5s")]
    [InlineData("-5s")]
    [InlineData("10 s")]
    [InlineData("10S")]
    [InlineData("3d")]
    [InlineData("99999999999999999999h")]
    [InlineData("9999999h")]
    public void TryParse_InvalidDuration_Fails(string text)
    {
        Assert.False(DurationParser.TryParse(text, out _));
    }

    [Theory]
    [InlineData(0, "0s")]
    [InlineData(500, "500ms")]
    [InlineData(45_000, "45s")]
    [InlineData(90_000, "90s")]
    [InlineData(120_000, "2m")]
    [InlineData(7_200_000, "2h")]
    public void Format_Duration_UsesTheLargestExactUnit(long milliseconds, string expected)
    {
        Assert.Equal(expected, DurationParser.Format(TimeSpan.FromMilliseconds(milliseconds)));
    }
}
