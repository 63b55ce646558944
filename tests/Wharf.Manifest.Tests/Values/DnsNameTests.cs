using Wharf.Manifest.Values;

namespace Wharf.Manifest.Tests.Values;

public class DnsNameTests
{
    [Theory]
    [InlineData("web", true)]
    [InlineData("api-v2", true)]
    [InlineData("a", true)]
    [InlineData("Web", false)]
    [InlineData("2web", false)]
    [InlineData("web-", false)]
    [InlineData("my_web", false)]
    [InlineData("", false)]
    public void IsLabel_Name_FollowsRfc1035(string name, bool expected)
    {
        Assert.Equal(expected, DnsName.IsLabel(name));
        Assert.False(DnsName.IsLabel(new string('a', 64)));
    }

    [Theory]
    [InlineData("example.com", true)]
    [InlineData("Shop.Example.COM", true)]
    [InlineData("*.example.com", true)]
    [InlineData("localhost", true)]
    [InlineData("123.example.com", true)]
    [InlineData("a..b", false)]
    [InlineData("example.com.", false)]
    [InlineData("-a.example.com", false)]
    [InlineData("a.*.example.com", false)]
    [InlineData("example.com:8080", false)]
    [InlineData("https://example.com", false)]
    public void IsHostname_Domain_FollowsRfc1123(string host, bool expected)
    {
        Assert.Equal(expected, DnsName.IsHostname(host));
    }
}
