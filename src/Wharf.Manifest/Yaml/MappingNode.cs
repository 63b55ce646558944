namespace Wharf.Manifest.Yaml;

/// <summary>A mapping whose keys are unique scalars, in file order; the reader has already reported duplicates.</summary>
internal sealed class MappingNode(SourcePosition position, IReadOnlyList<MappingEntry> entries) : ManifestNode(position)
{
    public IReadOnlyList<MappingEntry> Entries { get; } = entries;

    public override string Describe() => "a mapping";
}
