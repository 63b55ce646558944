namespace Wharf.Manifest.Yaml;

internal sealed class ScalarNode(SourcePosition position, string value, bool isPlain) : ManifestNode(position)
{
    private const int MaxShown = 40;

    public string Value { get; } = value;

    /// <summary>True for unquoted scalars, the only ones YAML can read as null.</summary>
    public bool IsPlain { get; } = isPlain;

    public bool IsNull => IsPlain && Value is "" or "~" or "null" or "Null" or "NULL";

    public override string Describe() => IsNull
        ? "nothing"
        : $"'{(Value.Length <= MaxShown ? Value : Value[..MaxShown] + "...")}'";
}
