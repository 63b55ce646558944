namespace Wharf.Manifest.Yaml;

/// <summary>A YAML node that remembers where it was written, so every error can point at it.</summary>
internal abstract class ManifestNode(SourcePosition position)
{
    public SourcePosition Position { get; } = position;

    /// <summary>How the node reads in a "got ..." clause of an error message.</summary>
    public abstract string Describe();
}
