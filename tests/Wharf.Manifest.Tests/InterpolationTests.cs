using static Wharf.Manifest.Tests.Manifests;

namespace Wharf.Manifest.Tests;

public class InterpolationTests
{
    private static readonly Dictionary<string, string> _variables = new()
    {
        ["REGISTRY"] = "registry.example.com",
        ["TAG"] = "v7",
        ["PORT"] = "8080",
        ["WORD"] = "http",
    };

    [Fact]
    public void Parse_VariablesPresent_FillsThemIntoStringsAndNumbers()
    {
        var web = Valid(Lines("services:", "  web:", "    image: ${REGISTRY}/shop:${TAG}", "    port: ${PORT}"), _variables).Services["web"];

        Assert.Equal("registry.example.com/shop:v7", web.Image);
        Assert.Equal(8080, web.Port);
    }

    [Fact]
    public void Parse_VariableInEnvironmentDefault_FillsOnlyTheDefault()
    {
        var manifest = Valid(Lines("environment:", "  - IMAGE_TAG=${TAG}", "services:", "  web: {image: nginx}"), _variables);

        Assert.Equal([new EnvDeclaration("IMAGE_TAG", "v7")], manifest.Environment);
    }

    [Fact]
    public void Parse_VariableMissing_ReportsAtTheScalar()
    {
        var error = SingleError(Lines("services:", "  web:", "    image: shop:${VERSION}"), _variables);

        Assert.Equal("wharf.yml:3:12: variable 'VERSION' is not set; set it, or write $${VERSION} to keep '${VERSION}' as text", error);
    }

    [Fact]
    public void Parse_NoVariablesGiven_ReportsEveryReference()
    {
        var result = ManifestLoader.Parse(Lines("services:", "  web:", "    image: ${A}/${B}"));

        Assert.Equal(
            ["wharf.yml:3:12: variable 'A' is not set; set it, or write $${A} to keep '${A}' as text",
             "wharf.yml:3:12: variable 'B' is not set; set it, or write $${B} to keep '${B}' as text"],
            result.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Parse_EscapedReference_KeepsItAsText()
    {
        var web = Valid(WebService("    command: echo $${HOME} $$ ${TAG}"), _variables).Services["web"];

        Assert.Equal("echo ${HOME} $$ v7", web.Command!.ToString());
    }

    [Fact]
    public void Parse_UnclosedReference_ReportsHowToClose()
    {
        var error = SingleError(WebService("    command: echo ${TAG"), _variables);

        Assert.Equal("wharf.yml:4:14: '${' is not closed; end the variable name with '}', or write '$${' to keep '${' as text", error);
    }

    [Fact]
    public void Parse_InvalidVariableName_ReportsNameRule()
    {
        var error = SingleError(WebService("    command: echo ${1X}"), _variables);

        Assert.Equal("wharf.yml:4:14: '${1X}' is not a valid variable reference; names use letters, digits and '_' and do not start with a digit", error);
    }

    [Fact]
    public void Parse_VariableExpandsToInvalidValue_ShowsTheReferenceNeverTheValue()
    {
        var error = SingleError(WebService("    port: ${WORD}"), _variables);

        Assert.Equal(
            "wharf.yml:4:11: port must be a whole number between 1 and 65535, got '${WORD}' filled in from config (the value is not shown: it may be a secret)",
            error);
    }

    [Theory]
    [InlineData("services:\n  web:\n    image: nginx\n    port: 5000\n    health: ${WORD}\n", "health must be a URL path starting with '/'")]
    [InlineData("services:\n  web:\n    image: ${SPACED}\n", "image must be an image reference")]
    public void Parse_SecretExpandsToInvalidPathOrImage_ErrorDoesNotCarryTheValue(string yaml, string expected)
    {
        var variables = new Dictionary<string, string> { ["WORD"] = "s3cr3t-value", ["SPACED"] = "s3cr3t value" };

        var error = SingleError(yaml, variables);

        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MissingVariableInNumber_ReportsOnlyTheVariable()
    {
        var error = SingleError(WebService("    port: ${NOPE}"), _variables);

        Assert.Equal("wharf.yml:4:11: variable 'NOPE' is not set; set it, or write $${NOPE} to keep '${NOPE}' as text", error);
    }
}
