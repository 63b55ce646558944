using Wharf.Runtime.Docker.Engine.Http;

namespace Wharf.Runtime.Docker.Tests.Engine.Http;

/// <summary>Log timestamps to the nanosecond: what a collector's resume position is made of.</summary>
public sealed class EngineTimeNanosTests
{
    private const long Base = 1_795_335_431L * 1_000_000_000;

    [Theory]
    [InlineData("2026-11-22T08:17:11.171442992Z", 171_442_992)]
    [InlineData("2026-11-22T08:17:11.000000001Z", 1)]
    [InlineData("2026-11-22T08:17:11.1714Z", 171_400_000)]
    [InlineData("2026-11-22T08:17:11Z", 0)]
    [InlineData("2026-11-22T09:17:11.171442992+01:00", 171_442_992)]
    public void TryParseUnixNanos_EngineTimes_KeepsAllNineDigits(string text, long nanos)
    {
        Assert.True(EngineTime.TryParseUnixNanos(text, out var parsed));

        Assert.Equal(Base + nanos, parsed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("hello")]
    [InlineData("2026-11-22T08:17:11.Z")]
    [InlineData("2026-11-22T08:17:11.1234567891Z")]
    [InlineData("2026-13-22T08:17:11.171442992Z")]
    [InlineData("2026-02-30T08:17:11.171442992Z")]
    public void TryParseUnixNanos_NotATime_ReturnsFalse(string text)
    {
        Assert.False(EngineTime.TryParseUnixNanos(text, out _));
    }

    [Fact]
    public void ToUnixSecondsExact_Nanos_HasNineFractionDigits()
    {
        Assert.Equal("1795335431.000000042", EngineTime.ToUnixSecondsExact(Base + 42));
        Assert.Null(EngineTime.ToUnixSecondsExact(null));
    }
}
