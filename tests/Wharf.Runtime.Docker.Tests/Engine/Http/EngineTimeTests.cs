using Wharf.Runtime.Docker.Engine.Http;

namespace Wharf.Runtime.Docker.Tests.Engine.Http;

public sealed class EngineTimeTests
{
    [Theory]
    [InlineData("2026-11-22T05:16:26.622712726Z", 6_227_127)]
    [InlineData("2026-11-22T05:16:26.6227Z", 6_227_000)]
    [InlineData("2026-11-22T05:16:26Z", 0)]
    [InlineData("2026-11-22T05:16:26.622712726+00:00", 6_227_127)]
    public void Parse_EngineTimes_KeepsSevenFractionDigits(string text, long fractionTicks)
    {
        var expected = new DateTimeOffset(2026, 11, 22, 5, 16, 26, TimeSpan.Zero).AddTicks(fractionTicks);

        Assert.Equal(expected, EngineTime.Parse(text));
    }

    [Fact]
    public void Parse_GoZeroTime_IsMinValue()
    {
        Assert.Equal(DateTimeOffset.MinValue, EngineTime.Parse("0001-01-01T00:00:00Z"));
    }

    [Fact]
    public void TryParse_NotATime_ReturnsFalse()
    {
        Assert.False(EngineTime.TryParse("hello", out _));
    }

    [Fact]
    public void ToUnixSeconds_Time_HasMillisecondFraction()
    {
        Assert.Equal("1700000000.250", EngineTime.ToUnixSeconds(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_250)));
    }
}
