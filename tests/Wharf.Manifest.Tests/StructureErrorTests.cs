using static Wharf.Manifest.Tests.Manifests;

namespace Wharf.Manifest.Tests;

/// <summary>Errors about the shape of the file itself, before any one section's rules.</summary>
public class StructureErrorTests
{
    [Fact]
    public void Parse_BadIndentation_ReportsYamlSyntaxErrorAtItsMark()
    {
        var error = SingleError(Lines("services:", "  web:", "    image: nginx", "   port: 80"));

        Assert.Equal("wharf.yml:4:4: YAML syntax error: While parsing a block mapping, did not find expected key.", error);
    }

    [Fact]
    public void Parse_UnclosedQuote_ReportsYamlSyntaxError()
    {
        var error = SingleError(Lines("services:", "  web:", "    image: 'nginx"));

        Assert.Equal("wharf.yml:3:12: YAML syntax error: While scanning a quoted scalar, found unexpected end of stream.", error);
    }

    [Fact]
    public void Parse_UnclosedFlowListBeforeBlockItem_ReportsSyntaxErrorAtTheBracket()
    {
        var error = SingleError(WebService("    command: [ a", "    - b"));

        Assert.Equal("wharf.yml:4:14: YAML syntax error: the text after this point is not valid YAML; look for an unclosed '[' or '{', or a malformed '!' tag.", error);
    }

    [Fact]
    public void Parse_MalformedTag_ReportsSyntaxError()
    {
        var error = SingleError("services: !![x\n");

        Assert.Equal("wharf.yml:1:9: YAML syntax error: the text after this point is not valid YAML; look for an unclosed '[' or '{', or a malformed '!' tag.", error);
    }

    [Fact]
    public void Parse_AliasWithoutAnchor_ReportsSyntaxErrorAtAlias()
    {
        var error = SingleError(WebService("    port: *port"));

        Assert.Equal("wharf.yml:4:11: YAML syntax error: the alias '*port' has no anchor '&port' before it.", error);
    }

    [Fact]
    public void Parse_DeeplyNestedLists_ReportsNestingInsteadOfOverflowingTheStack()
    {
        var error = SingleError("services: " + new string('[', 1000) + new string(']', 1000) + "\n");

        Assert.Equal("wharf.yml:1:75: YAML syntax error: values are nested more than 64 levels deep.", error);
    }

    [Fact]
    public void Parse_DuplicateKey_ReportsSecondKeyAndFirstLine()
    {
        var error = SingleError(WebService("    port: 80", "    port: 81"));

        Assert.Equal("wharf.yml:5:5: duplicate key 'port'; it is already set on line 4", error);
    }

    [Fact]
    public void Parse_DuplicateService_ReportsSecondName()
    {
        var error = SingleError(Lines("services:", "  web: {image: a}", "  web: {image: b}"));

        Assert.Equal("wharf.yml:3:3: duplicate key 'web'; it is already set on line 2", error);
    }

    [Fact]
    public void Parse_MisspelledKey_SuggestsTheKnownKey()
    {
        var error = SingleError(WebService("    prot: 80"));

        Assert.Equal("wharf.yml:4:5: unknown key 'prot' in services.web; did you mean 'port'?", error);
    }

    [Fact]
    public void Parse_MisspelledTopLevelKey_SuggestsTheKnownKey()
    {
        var result = ManifestLoader.Parse(Lines("service:", "  web: {image: nginx}"));

        Assert.Equal(
            ["wharf.yml:1:1: unknown key 'service' at the top level; did you mean 'services'?",
             "wharf.yml:1:1: no services are declared; add a 'services' section with at least one service"],
            result.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Parse_UnrelatedUnknownKey_ListsTheKnownKeys()
    {
        var error = SingleError(WebService("    port: 80", "    health:", "      verbose: true"));

        Assert.Equal("wharf.yml:6:7: unknown key 'verbose' in services.web.health; expected one of path, interval, timeout, grace", error);
    }

    [Fact]
    public void Parse_TopLevelList_ReportsTheManifestMustBeAMapping()
    {
        var error = SingleError(Lines("- web", "- worker"));

        Assert.Equal("wharf.yml:1:1: the manifest must be a mapping with 'services' and optionally 'environment', 'resources' and 'timers', got a list", error);
    }

    [Fact]
    public void Parse_EmptyText_ReportsMissingServices()
    {
        Assert.Equal("wharf.yml:1:1: no services are declared; add a 'services' section with at least one service", SingleError("# nothing yet\n"));
    }

    [Fact]
    public void Parse_EmptyServices_ReportsAtTheServicesValue()
    {
        Assert.Equal("wharf.yml:2:11: services must declare at least one service", SingleError(Lines("resources: {}", "services: {}")));
    }

    [Fact]
    public void Parse_ServicesAsList_ReportsTheExpectedShape()
    {
        var error = SingleError(Lines("services:", "  - web"));

        Assert.Equal("wharf.yml:2:3: services must be a mapping of service names to their settings, got a list", error);
    }

    [Fact]
    public void Parse_SecondYamlDocument_ReportsTheSeparator()
    {
        var error = SingleError(WebService("---", "services: {}"));

        Assert.Equal("wharf.yml:4:1: a manifest is a single YAML document; remove the '---' and everything after it, or merge the documents", error);
    }

    [Fact]
    public void Parse_CustomFileName_NamesItInErrors()
    {
        var result = ManifestLoader.Parse("services: {}\n", "apps/shop/wharf.yml");

        Assert.Equal("apps/shop/wharf.yml:1:11: services must declare at least one service", Assert.Single(result.Errors).ToString());
    }
}
