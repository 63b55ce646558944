using Wharf.Manifest.Yaml;

namespace Wharf.Manifest.Parsing;

/// <summary>Reads one entry of <c>resources</c>: <c>{type, options}</c>.</summary>
internal static class ResourceParser
{
    public static ResourceManifest Parse(ParseContext context, string name, ManifestNode node, string path)
    {
        // A resource with a bad type still gets an entry, so services naming it do not also report it as undeclared;
        // the manifest is discarded anyway because of the type error.
        var resource = new ResourceManifest { Name = name, Type = ResourceType.Postgres };
        var fields = SectionReader.Open(context, node, path, string.Empty, ManifestKeys.Resource, "a mapping with type and options");
        if (fields is null)
        {
            return resource;
        }

        if (fields["type"] is null)
        {
            context.Error(path, $"resource '{name}' has no 'type'; set it to {string.Join(" or ", ManifestKeys.ResourceTypes)}");
        }
        else if (fields.Choice("type", ManifestKeys.ResourceTypes) is { } type)
        {
            resource = resource with { Type = Enum.Parse<ResourceType>(type, ignoreCase: true) };
        }

        if (fields["options"] is { } options && ValueReader.Map(context, options, "options") is { } values)
        {
            resource = resource with { Options = values };
        }

        return resource;
    }
}
