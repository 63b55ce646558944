using Wharf.Cli.Config;

namespace Wharf.Cli.Tests.Unit;

public sealed class ServerUrlTests
{
    [Theory]
    [InlineData("http://127.0.0.1:7070", "http://127.0.0.1:7070/")]
    [InlineData("https://wharf.example.com/api", "https://wharf.example.com/api/")]
    [InlineData(" http://h:1/ ", "http://h:1/")]
    public void TryParse_HttpUrl_EndsInSlashSoRoutesResolveBelowIt(string text, string expected)
    {
        Assert.True(ServerUrl.TryParse(text, out var url));
        Assert.Equal(expected, url.AbsoluteUri);
    }

    [Theory]
    [InlineData("127.0.0.1:7070")]
    [InlineData("ftp://h/")]
    [InlineData("wharf")]
    public void TryParse_NotAnHttpUrl_IsRejected(string text)
    {
        Assert.False(ServerUrl.TryParse(text, out _));
    }
}
