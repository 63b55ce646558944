using static Wharf.Manifest.Tests.Manifests;

namespace Wharf.Manifest.Tests;

/// <summary>Names that point from one section into another.</summary>
public class ReferenceErrorTests
{
    [Fact]
    public void Parse_ServiceUsesUndeclaredResource_ReportsAtTheName()
    {
        var error = SingleError(WebService("    resources:", "      - db", "      - queue", "resources:", "  db: {type: postgres}"));

        Assert.Equal("wharf.yml:6:9: service 'web' uses resource 'queue', which is not declared under 'resources'", error);
    }

    [Fact]
    public void Parse_ServiceUsesMisspelledResource_SuggestsTheDeclaredOne()
    {
        var error = SingleError(WebService("    resources: [cahce]", "resources:", "  cache: {type: redis}"));

        Assert.Equal("wharf.yml:4:17: service 'web' uses resource 'cahce', which is not declared under 'resources'; did you mean 'cache'?", error);
    }

    [Fact]
    public void Parse_TimerRunsInUndeclaredService_ReportsAtServiceWithSuggestion()
    {
        var error = SingleError(Lines(
            "services:",
            "  worker: {image: app}",
            "timers:",
            "  cleanup:",
            "    schedule: '@daily'",
            "    command: cleanup",
            "    service: wroker"));

        Assert.Equal("wharf.yml:7:14: timer 'cleanup' runs in service 'wroker', which is not declared under 'services'; did you mean 'worker'?", error);
    }

    [Fact]
    public void Parse_DomainOnTwoServices_ReportsTheSecondWithTheOwner()
    {
        var error = SingleError(Lines(
            "services:",
            "  web: {image: a, port: 80, domain: example.com}",
            "  api: {image: b, port: 80, domain: [api.example.com, Example.com]}"));

        Assert.Equal("wharf.yml:3:55: domain 'example.com' is already used by service 'web'", error);
    }

    [Fact]
    public void Parse_DomainTwiceOnOneService_ReportsTheRepeat()
    {
        var error = SingleError(WebService("    port: 80", "    domain: [a.example.com, a.example.com]"));

        Assert.Equal("wharf.yml:5:29: domain 'a.example.com' is listed twice", error);
    }
}
