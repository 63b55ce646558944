using Wharf.Manifest.Yaml;

namespace Wharf.Manifest.Parsing;

/// <summary>Reads a service's <c>deployment: {minimum, maximum}</c>, percentages of the scale count.</summary>
internal static class DeploymentParser
{
    /// <param name="defaults">What unset keys fall back to; singletons have their own.</param>
    public static ServiceDeployment? Parse(ParseContext context, ManifestNode node, string path, ServiceDeployment defaults)
    {
        var fields = SectionReader.Open(context, node, path, "deployment.", ManifestKeys.Deployment, "a mapping with minimum and maximum");
        if (fields is null)
        {
            return null;
        }

        return new ServiceDeployment
        {
            Minimum = fields.Int("minimum", 0, 100) ?? defaults.Minimum,
            Maximum = fields.Int("maximum", 100, 200) ?? defaults.Maximum,
        };
    }
}
