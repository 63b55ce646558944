using Wharf.Manifest.Values;

namespace Wharf.Manifest.Tests.Values;

public class MemoryParserTests
{
    [Theory]
    [InlineData("1048576", 1L << 20)]
    [InlineData("512MB", 512L << 20)]
    [InlineData("512MiB", 512L << 20)]
    [InlineData("512m", 512L << 20)]
    [InlineData("512 mb", 512L << 20)]
    [InlineData("1GiB", 1L << 30)]
    [InlineData("1.5g", 3L << 29)]
    [InlineData("64k", 64L << 10)]
    [InlineData("2T", 2L << 40)]
    public void TryParse_ValidSize_ReturnsBytesInBinaryUnits(string text, long bytes)
    {
        Assert.True(MemoryParser.TryParse(text, out var parsed));
        Assert.Equal(bytes, parsed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("MB")]
    [InlineData("lots")]
    [InlineData("-1GB")]
    [InlineData("1.5")]
    [InlineData("1PB")]
    [InlineData("99999999999TB")]
    public void TryParse_InvalidSize_Fails(string text)
    {
        Assert.False(MemoryParser.TryParse(text, out _));
    }
}
