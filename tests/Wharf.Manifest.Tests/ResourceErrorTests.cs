using static Wharf.Manifest.Tests.Manifests;

namespace Wharf.Manifest.Tests;

public class ResourceErrorTests
{
    [Fact]
    public void Parse_MisspelledResourceType_ListsTypesAndSuggests()
    {
        var error = SingleError(WebService("resources:", "  db:", "    type: postgress"));

        Assert.Equal("wharf.yml:6:11: type must be postgres or redis, got 'postgress'; did you mean 'postgres'?", error);
    }

    [Fact]
    public void Parse_ResourceWithoutType_ReportsAtResourceName()
    {
        var error = SingleError(WebService("resources:", "  db:", "    options: {version: 16}"));

        Assert.Equal("wharf.yml:5:3: resource 'db' has no 'type'; set it to postgres or redis", error);
    }

    [Fact]
    public void Parse_ResourceOptionList_ReportsSingleValueExpected()
    {
        var error = SingleError(WebService("resources:", "  db:", "    type: postgres", "    options:", "      extensions: [postgis]"));

        Assert.Equal("wharf.yml:8:19: options.extensions must be a single value, got a list", error);
    }

    [Fact]
    public void Parse_ResourceNameWithDot_ReportsDnsLabelRule()
    {
        var error = SingleError(WebService("resources:", "  main.db: {type: postgres}"));

        Assert.Equal(
            "wharf.yml:5:3: resource name 'main.db' is not a valid DNS label: use 1 to 63 lowercase letters, digits or '-', "
            + "starting with a letter and ending with a letter or digit",
            error);
    }
}
