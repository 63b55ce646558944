using Wharf.Core.Routing;

namespace Wharf.Core.Tests.Routing;

public sealed class RoutingOptionsTests
{
    [Fact]
    public void Validate_Defaults_HasNoProblems() => Assert.Empty(new RoutingOptions().Validate());

    [Theory]
    [InlineData("apps.example.com")]
    [InlineData("Apps.Example.COM")]
    [InlineData("127.0.0.1.nip.io")]
    public void Validate_DnsName_IsAccepted(string domain) => Assert.Empty(new RoutingOptions { BaseDomain = domain }.Validate());

    [Theory]
    [InlineData("")]
    [InlineData("http://apps.example.com")]
    [InlineData("apps.example.com:8080")]
    [InlineData("apps.example.com.")]
    [InlineData("-apps.example.com")]
    [InlineData("apps..example.com")]
    public void Validate_NotADnsName_SaysWhichSettingAndWhatToGive(string domain)
    {
        var problem = Assert.Single(new RoutingOptions { BaseDomain = domain }.Validate());

        Assert.StartsWith($"Routing:BaseDomain is '{domain}': give a DNS name such as apps.example.com or localhost", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NonPositiveIntervals_ReportsEach()
    {
        var problems = new RoutingOptions { SyncInterval = TimeSpan.Zero, ApplyTimeout = TimeSpan.FromSeconds(-1) }.Validate();

        Assert.Equal(
            ["Routing:SyncInterval is 00:00:00: give a positive duration such as 00:00:30.", "Routing:ApplyTimeout is -00:00:01: give a positive duration such as 00:00:10."],
            problems);
    }

    [Fact]
    public void DefaultHost_MixedCase_IsServiceAppBaseLowerCased() =>
        Assert.Equal("web.hello.apps.example.com", new RoutingOptions { BaseDomain = "Apps.Example.com" }.DefaultHost("hello", "web"));
}
