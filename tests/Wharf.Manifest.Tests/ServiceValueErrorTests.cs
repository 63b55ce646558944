using static Wharf.Manifest.Tests.Manifests;

namespace Wharf.Manifest.Tests;

/// <summary>A single service setting of the wrong type or outside its range.</summary>
public class ServiceValueErrorTests
{
    [Theory]
    [InlineData("abc", "'abc'")]
    [InlineData("0", "'0'")]
    [InlineData("70000", "'70000'")]
    [InlineData("8.5", "'8.5'")]
    [InlineData("[80]", "a list")]
    [InlineData("", "nothing")]
    public void Parse_PortNotInRange_ReportsWholeNumberRange(string value, string described)
    {
        var error = SingleError(WebService($"    port: {value}"));

        Assert.Equal($"wharf.yml:4:{(value.Length == 0 ? 10 : 11)}: port must be a whole number between 1 and 65535, got {described}", error);
    }

    [Fact]
    public void Parse_ServiceNameWithUppercaseAndUnderscore_SuggestsDnsLabel()
    {
        var error = SingleError(Lines("services:", "  Web_1: {image: nginx}"));

        Assert.Equal(
            "wharf.yml:2:3: service name 'Web_1' is not a valid DNS label: use 1 to 63 lowercase letters, digits or '-', "
            + "starting with a letter and ending with a letter or digit; did you mean 'web-1'?",
            error);
    }

    [Fact]
    public void Parse_ServiceNameStartingWithDigit_ReportsDnsLabelRule()
    {
        var error = SingleError(Lines("services:", "  1web: {image: nginx}"));

        Assert.Equal(
            "wharf.yml:2:3: service name '1web' is not a valid DNS label: use 1 to 63 lowercase letters, digits or '-', "
            + "starting with a letter and ending with a letter or digit",
            error);
    }

    [Fact]
    public void Parse_ServiceAsString_ReportsMappingExpected()
    {
        Assert.Equal("wharf.yml:2:8: services.web must be a mapping of service settings, got 'nginx'", SingleError(Lines("services:", "  web: nginx")));
    }

    [Fact]
    public void Parse_BooleanAsYes_ReportsTrueOrFalse()
    {
        Assert.Equal("wharf.yml:4:15: internal must be true or false, got 'yes'", SingleError(WebService("    internal: yes")));
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("0")]
    [InlineData("10 s")]
    [InlineData("5d")]
    public void Parse_TimeoutNotADuration_ReportsDurationForms(string value)
    {
        var error = SingleError(WebService($"    timeout: {value}"));

        Assert.Equal($"wharf.yml:4:14: timeout must be a duration of at least 1s such as 30 (seconds), 10s, 2m or 500ms, got '{value}'", error);
    }

    [Fact]
    public void Parse_HealthIntervalUnderOneSecond_ReportsMinimum()
    {
        var error = SingleError(WebService("    port: 80", "    health:", "      interval: 500ms"));

        Assert.Equal("wharf.yml:6:17: health.interval must be a duration of at least 1s such as 30 (seconds), 10s, 2m or 500ms, got '500ms'", error);
    }

    [Fact]
    public void Parse_HealthPathWithoutSlash_ReportsUrlPath()
    {
        Assert.Equal("wharf.yml:5:13: health must be a URL path starting with '/', got 'healthz'", SingleError(WebService("    port: 80", "    health: healthz")));
    }

    [Fact]
    public void Parse_InvalidDomain_ReportsHostNameRule()
    {
        var error = SingleError(WebService("    port: 80", "    domain: [ok.example.com, bad_host.example]"));

        Assert.Equal(
            "wharf.yml:5:30: domain 'bad_host.example' is not a valid host name; use labels of letters, digits and '-' separated by dots, optionally starting with '*.'",
            error);
    }

    [Fact]
    public void Parse_ScaleNegative_ReportsWholeNumberAtLeastZero()
    {
        Assert.Equal("wharf.yml:4:12: scale must be a whole number of at least 0, got '-1'", SingleError(WebService("    scale: -1")));
    }

    [Fact]
    public void Parse_MemoryWithoutUnit_ReportsMinimumAndBareNumberMeaning()
    {
        var error = SingleError(WebService("    scale:", "      memory: 512"));

        Assert.Equal("wharf.yml:5:15: scale.memory must be a size of at least 6MiB such as 512MiB or 1GiB (a bare number is bytes), got '512'", error);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("lots")]
    [InlineData("0.0005")]
    public void Parse_InvalidCpu_ReportsCoresOrMillicores(string value)
    {
        var error = SingleError(WebService("    scale:", $"      cpu: {value}"));

        Assert.Equal($"wharf.yml:5:12: scale.cpu must be a number of cores such as 0.5 or 2, or of millicores such as 500m, got '{value}'", error);
    }

    [Theory]
    [InlineData("minimum: 120", "deployment.minimum must be a whole number between 0 and 100, got '120'")]
    [InlineData("maximum: 50", "deployment.maximum must be a whole number between 100 and 200, got '50'")]
    public void Parse_DeploymentPercentOutOfRange_ReportsRange(string line, string message)
    {
        var error = SingleError(WebService("    deployment:", $"      {line}"));

        Assert.Equal($"wharf.yml:5:{line.IndexOf(' ', StringComparison.Ordinal) + 8}: {message}", error);
    }

    [Theory]
    [InlineData("build: /srv/app", "build must be a relative path inside the app's directory, got '/srv/app'")]
    [InlineData("build: {path: ../other}", "build.path must be a relative path inside the app's directory, got '../other'")]
    [InlineData("build: {dockerfile: a/../../Dockerfile}", "build.dockerfile must be a relative path inside the app's directory, got 'a/../../Dockerfile'")]
    [InlineData("build: {args: [A]}", "build.args must be a mapping of names to values, got a list")]
    [InlineData("build: [app]", "build must be a path or a mapping with path, dockerfile and args, got a list")]
    public void Parse_InvalidBuild_ReportsBuildRule(string line, string message)
    {
        var result = ManifestLoader.Parse(Lines("services:", "  web:", $"    {line}"));

        Assert.Equal(message, Assert.Single(result.Errors).Message);
        Assert.Equal(3, result.Errors[0].Line);
    }

    [Fact]
    public void Parse_ImageWithSpace_ReportsImageReference()
    {
        var error = SingleError(Lines("services:", "  web:", "    image: nginx latest"));

        Assert.Equal("wharf.yml:3:12: image must be an image reference such as 'nginx:1.27' or 'registry.example.com/app:v2', got 'nginx latest'", error);
    }

    [Fact]
    public void Parse_EmptyCommandList_ReportsEmptyList()
    {
        Assert.Equal("wharf.yml:4:14: command must not be an empty list", SingleError(WebService("    command: []")));
    }

    [Fact]
    public void Parse_CommandListWithNestedList_ReportsTheItem()
    {
        Assert.Equal("wharf.yml:4:18: each item of command must be a string, got a list", SingleError(WebService("    command: [a, [b]]")));
    }

    [Fact]
    public void Parse_ResourcesAsString_ReportsListExpected()
    {
        Assert.Equal("wharf.yml:4:16: resources must be a list of strings, got 'db'", SingleError(WebService("    resources: db")));
    }

    [Fact]
    public void Parse_ResourceListedTwice_ReportsSecondMention()
    {
        var error = SingleError(WebService("    resources: [db, db]", "resources:", "  db: {type: postgres}"));

        Assert.Equal("wharf.yml:4:21: resource 'db' is listed twice", error);
    }
}
