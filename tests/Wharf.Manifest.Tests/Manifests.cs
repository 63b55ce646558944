namespace Wharf.Manifest.Tests;

/// <summary>Builds manifests for tests and unwraps the results the way most tests need them.</summary>
internal static class Manifests
{
    /// <summary>Joins lines with '\n', so a test can count the line an error should point at.</summary>
    public static string Lines(params string[] lines) => string.Join('\n', lines) + "\n";

    public static string ExamplePath(string name) => Path.Combine(AppContext.BaseDirectory, "Examples", name);

    public static IEnumerable<string> ExampleFiles() => Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Examples"), "*.yml");

    public static AppManifest Valid(string yaml, IReadOnlyDictionary<string, string>? variables = null)
    {
        var result = ManifestLoader.Parse(yaml, variables: variables);
        Assert.Empty(result.Errors.Select(e => e.ToString()));
        Assert.True(result.IsValid);
        return result.Manifest!;
    }

    /// <returns>The only error, formatted as users see it: "wharf.yml:LINE:COL: message".</returns>
    public static string SingleError(string yaml, IReadOnlyDictionary<string, string>? variables = null)
    {
        var result = ManifestLoader.Parse(yaml, variables: variables);
        Assert.Null(result.Manifest);
        Assert.False(result.IsValid);
        return Assert.Single(result.Errors).ToString();
    }

    /// <summary>A manifest with one valid service plus the given lines appended under it.</summary>
    public static string WebService(params string[] extraLines) =>
        Lines(["services:", "  web:", "    image: nginx", .. extraLines]);
}
