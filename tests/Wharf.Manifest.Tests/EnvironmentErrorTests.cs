using static Wharf.Manifest.Tests.Manifests;

namespace Wharf.Manifest.Tests;

public class EnvironmentErrorTests
{
    [Fact]
    public void Parse_VariableNameStartingWithDigit_ReportsNameRule()
    {
        var error = SingleError(WebService("    environment:", "      - 9LIVES=yes"));

        Assert.Equal("wharf.yml:5:9: '9LIVES' is not a valid environment variable name; use letters, digits and '_', not starting with a digit", error);
    }

    [Fact]
    public void Parse_VariableDeclaredTwice_ReportsSecondWithFirstLine()
    {
        var error = SingleError(Lines("environment:", "  - PORT=80", "  - PORT", "services:", "  web: {image: nginx}"));

        Assert.Equal("wharf.yml:3:5: environment variable 'PORT' is already declared on line 2", error);
    }

    [Fact]
    public void Parse_EnvironmentAsMapping_ReportsListForm()
    {
        var error = SingleError(WebService("    environment:", "      PORT: 80"));

        Assert.Equal("wharf.yml:5:7: environment must be a list of KEY or KEY=default entries, got a mapping", error);
    }
}
