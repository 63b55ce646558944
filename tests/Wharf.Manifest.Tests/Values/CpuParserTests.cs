using Wharf.Manifest.Values;

namespace Wharf.Manifest.Tests.Values;

public class CpuParserTests
{
    [Theory]
    [InlineData("0.5", 500)]
    [InlineData("2", 2000)]
    [InlineData(".25", 250)]
    [InlineData("500m", 500)]
    [InlineData("1m", 1)]
    public void TryParse_ValidCpu_ReturnsMillicores(string text, int millicores)
    {
        Assert.True(CpuParser.TryParse(text, out var parsed));
        Assert.Equal(millicores, parsed);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("0m")]
    [InlineData("-1")]
    [InlineData("0.0005")]
    [InlineData("1.5m")]
    [InlineData("2000")]
    [InlineData("half")]
    public void TryParse_InvalidCpu_Fails(string text)
    {
        Assert.False(CpuParser.TryParse(text, out _));
    }
}
