using Wharf.Core.Logs;

namespace Wharf.Core.Tests.Logs;

public sealed class SyslogTargetTests
{
    [Theory]
    [InlineData("tcp://logs.example.com:6514", "logs.example.com", 6514)]
    [InlineData("tcp://127.0.0.1", "127.0.0.1", 514)]
    [InlineData("tcp://[::1]:1514", "::1", 1514)]
    public void TryParse_TcpUrl_IsHostAndPort(string url, string host, int port)
    {
        Assert.True(SyslogTarget.TryParse(url, out var target, out _));

        Assert.Equal(new SyslogTarget(host, port), target);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("logs.example.com:514")]
    [InlineData("udp://logs.example.com:514")]
    [InlineData("http://logs.example.com")]
    [InlineData("tcp://logs.example.com:514/path")]
    [InlineData("tcp://user:secret@logs.example.com:514")]
    public void TryParse_NotATcpEndpoint_SaysWhatToGive(string? url)
    {
        Assert.False(SyslogTarget.TryParse(url, out _, out var problem));

        Assert.Contains("give tcp://HOST:PORT", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Url_Ipv6_IsBracketed()
    {
        Assert.Equal("tcp://[::1]:514", new SyslogTarget("::1", 514).Url);
    }
}
