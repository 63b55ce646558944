using YamlDotNet.Core;

namespace Wharf.Manifest.Yaml;

/// <summary>A 1-based line and column in the manifest text.</summary>
internal readonly record struct SourcePosition(int Line, int Column)
{
    public static SourcePosition Start { get; } = new(1, 1);

    public static SourcePosition From(Mark mark) => new((int)Math.Max(1, mark.Line), (int)Math.Max(1, mark.Column));
}
