using System.Collections.ObjectModel;

namespace Wharf.Manifest;

/// <summary>A backing service (database, cache) provisioned for the app and linked to the services that name it.</summary>
public sealed record ResourceManifest
{
    public required string Name { get; init; }

    public required ResourceType Type { get; init; }

    /// <summary>Type-specific settings (e.g. <c>version</c>, <c>storage</c>) as strings; the provisioner interprets them.</summary>
    public IReadOnlyDictionary<string, string> Options { get; init; } = ReadOnlyDictionary<string, string>.Empty;
}
