using Wharf.Cli.Output;

namespace Wharf.Cli.Tests.Unit;

public sealed class FormatsTests
{
    [Theory]
    [InlineData(0, "0s")]
    [InlineData(45, "45s")]
    [InlineData(192, "3m 12s")]
    [InlineData(7500, "2h 5m")]
    [InlineData(356400, "4d 3h")]
    public void Duration_Seconds_ReadsAsTheTwoLargestUnits(int seconds, string expected) =>
        Assert.Equal(expected, Formats.Duration(TimeSpan.FromSeconds(seconds)));

    [Theory]
    [InlineData(512, "512 B")]
    [InlineData(1_234_567, "1.2 MB")]
    [InlineData(10_240, "10.2 kB")]
    public void Bytes_Size_UsesDecimalUnits(long bytes, string expected) => Assert.Equal(expected, Formats.Bytes(bytes));

    [Fact]
    public void Memory_UsageAndLimit_UsesBinaryUnits() =>
        Assert.Equal("12.5 MiB / 128 MiB", Formats.Memory(13_107_200, 134_217_728));
}
