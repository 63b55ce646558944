using Wharf.Manifest.Yaml;

namespace Wharf.Manifest.Parsing;

/// <summary>Reads the top level of wharf.yml and hands each section to its parser.</summary>
internal static class ManifestParser
{
    /// <returns>The manifest as far as it could be read, or null when the document is not even a mapping.</returns>
    public static AppManifest? Parse(ParseContext context, ManifestNode? root)
    {
        // An empty file reads as an empty mapping, so the user hears what is missing rather than that nothing is there.
        root ??= new MappingNode(SourcePosition.Start, []);
        if (root is not MappingNode)
        {
            context.Error(root, $"the manifest must be a mapping with 'services' and optionally 'environment', 'resources' and 'timers', got {root.Describe()}");
            return null;
        }

        var top = SectionReader.Open(context, root, string.Empty, string.Empty, ManifestKeys.TopLevel, "a mapping")!;
        if (top["services"] is null)
        {
            context.Error(SourcePosition.Start, "no services are declared; add a 'services' section with at least one service");
        }
        else if (top["services"] is ScalarNode { IsNull: true } or MappingNode { Entries.Count: 0 })
        {
            context.Error("services", "services must declare at least one service");
        }

        return new AppManifest
        {
            Environment = top["environment"] is { } environment ? EnvironmentParser.Parse(context, environment, "environment") : [],
            Services = NamedEntriesParser.Parse(context, top["services"], "services", "service", ServiceParser.Parse),
            Resources = NamedEntriesParser.Parse(context, top["resources"], "resources", "resource", ResourceParser.Parse),
            Timers = NamedEntriesParser.Parse(context, top["timers"], "timers", "timer", TimerParser.Parse),
        };
    }
}
