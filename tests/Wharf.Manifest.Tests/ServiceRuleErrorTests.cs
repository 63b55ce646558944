using static Wharf.Manifest.Tests.Manifests;

namespace Wharf.Manifest.Tests;

/// <summary>Service settings that are each valid but do not make sense together.</summary>
public class ServiceRuleErrorTests
{
    [Fact]
    public void Parse_ServiceWithoutBuildOrImage_ReportsAtServiceName()
    {
        var error = SingleError(Lines("services:", "  web:", "    port: 80"));

        Assert.Equal("wharf.yml:2:3: service 'web' needs 'build' (to build it from source) or 'image' (to run a prebuilt image)", error);
    }

    [Fact]
    public void Parse_ServiceWithBuildAndImage_ReportsAtImage()
    {
        Assert.Equal("wharf.yml:3:12: service 'web' has both 'build' and 'image'; keep only one", SingleError(WebService("    build: .")));
    }

    [Fact]
    public void Parse_InvalidImageValue_DoesNotAlsoReportMissingImage()
    {
        Assert.Equal("wharf.yml:3:12: image must not be empty", SingleError(Lines("services:", "  web:", "    image: ''")));
    }

    [Fact]
    public void Parse_ScaleCountAboveMax_ReportsAtCount()
    {
        var error = SingleError(WebService("    scale:", "      count: 5", "      max: 3"));

        Assert.Equal("wharf.yml:5:14: scale.count (5) must not be more than scale.max (3)", error);
    }

    [Fact]
    public void Parse_ScaleCountBelowMin_ReportsAtCount()
    {
        var error = SingleError(WebService("    scale:", "      count: 1", "      min: 2", "      max: 4"));

        Assert.Equal("wharf.yml:5:14: scale.count (1) must not be less than scale.min (2)", error);
    }

    [Fact]
    public void Parse_ScaleMinAboveMax_ReportsAtMin()
    {
        var error = SingleError(WebService("    scale:", "      min: 4", "      max: 2"));

        Assert.Equal("wharf.yml:5:12: scale.min (4) must not be more than scale.max (2)", error);
    }

    [Fact]
    public void Parse_SingletonScaledToTwo_ReportsAtScale()
    {
        var error = SingleError(WebService("    singleton: true", "    scale: 2"));

        Assert.Equal("wharf.yml:5:12: service 'web' is a singleton, so its scale count must be 0 or 1, got 2", error);
    }

    [Fact]
    public void Parse_SingletonWithMaxAboveOne_ReportsAtMax()
    {
        var error = SingleError(WebService("    singleton: true", "    scale:", "      max: 3"));

        Assert.Equal("wharf.yml:6:12: service 'web' is a singleton, so scale.max must be 0 or 1, got 3", error);
    }

    [Fact]
    public void Parse_SingletonWithOverlappingDeployment_ReportsAtMaximum()
    {
        var error = SingleError(WebService("    singleton: true", "    deployment:", "      maximum: 150"));

        Assert.Equal("wharf.yml:6:16: service 'web' is a singleton, so deployment.maximum must be 100, or a deploy would run two processes at once; got 150", error);
    }

    [Fact]
    public void Parse_HealthTimeoutNotShorterThanInterval_ReportsAtTimeout()
    {
        var error = SingleError(WebService("    port: 80", "    health:", "      interval: 5s", "      timeout: 5"));

        Assert.Equal("wharf.yml:7:16: health.timeout (5s) must be shorter than health.interval (5s)", error);
    }

    [Fact]
    public void Parse_HealthWithoutPort_ReportsAtHealth()
    {
        var error = SingleError(WebService("    health: /up"));

        Assert.Equal("wharf.yml:4:13: service 'web' has a health check but no port to check; add 'port' or remove 'health'", error);
    }

    [Fact]
    public void Parse_DomainWithoutPort_ReportsAtDomain()
    {
        var error = SingleError(WebService("    domain: example.com"));

        Assert.Equal("wharf.yml:4:13: service 'web' has a domain but no port for the router to send its traffic to; add 'port'", error);
    }

    [Fact]
    public void Parse_InternalServiceWithDomain_ReportsAtDomain()
    {
        var error = SingleError(WebService("    port: 80", "    internal: true", "    domain: example.com"));

        Assert.Equal("wharf.yml:6:13: service 'web' is internal, so it cannot have a domain; remove 'domain' or 'internal'", error);
    }

    [Fact]
    public void Parse_InvalidPortWithHealth_ReportsOnlyThePort()
    {
        Assert.Equal("wharf.yml:4:11: port must be a whole number between 1 and 65535, got 'http'", SingleError(WebService("    port: http", "    health: /up")));
    }
}
