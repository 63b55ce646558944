using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Wharf.Manifest.Yaml;

/// <summary>Wraps YamlDotNet's parser so every malformed input surfaces as a <see cref="YamlException"/> with a position.</summary>
/// <remarks>
/// YamlDotNet 16.3 throws a bare InvalidOperationException for some broken flow collections ("a: [ db" followed
/// by "- cache") and an ArgumentException for a malformed tag ("!![x"); users must see a located syntax error, not a crash.
/// </remarks>
internal sealed class GuardedParser(IParser inner) : IParser
{
    private Mark _lastEnd = Mark.Empty;

    public ParsingEvent? Current => inner.Current;

    public bool MoveNext()
    {
        try
        {
            var moved = inner.MoveNext();
            if (inner.Current is { } current)
            {
                _lastEnd = current.End;
            }

            return moved;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            throw new YamlException(_lastEnd, _lastEnd, "the text after this point is not valid YAML; look for an unclosed '[' or '{', or a malformed '!' tag.");
        }
    }
}
