using Wharf.Manifest.Parsing;

namespace Wharf.Manifest.Tests.Parsing;

public class SuggestionTests
{
    [Theory]
    [InlineData("prot", "port")]
    [InlineData("imgae", "image")]
    [InlineData("enviroment", "environment")]
    [InlineData("Port", "port")]
    [InlineData("domains", "domain")]
    [InlineData("helth", "health")]
    [InlineData("xyz", null)]
    [InlineData("replicas", null)]
    public void Closest_Typo_FindsTheIntendedServiceKey(string input, string? expected)
    {
        Assert.Equal(expected, Suggestion.Closest(input, ManifestKeys.Service));
    }
}
