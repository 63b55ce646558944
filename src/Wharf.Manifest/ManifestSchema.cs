namespace Wharf.Manifest;

/// <summary>The JSON Schema of wharf.yml (draft-07), for editors' completion and for <c>wharf schema</c>.</summary>
/// <remarks>The parser, not the schema, is the authority: the schema cannot check references between sections.</remarks>
public static class ManifestSchema
{
    public const string ResourceName = "wharf.schema.json";

    public static string Read()
    {
        using var stream = typeof(ManifestSchema).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The {ResourceName} resource is missing from {typeof(ManifestSchema).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
