namespace Wharf.Manifest.Yaml;

internal sealed class SequenceNode(SourcePosition position, IReadOnlyList<ManifestNode> items) : ManifestNode(position)
{
    public IReadOnlyList<ManifestNode> Items { get; } = items;

    public override string Describe() => "a list";
}
