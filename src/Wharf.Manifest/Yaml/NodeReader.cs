using Wharf.Manifest.Parsing;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Wharf.Manifest.Yaml;

/// <summary>Reads YamlDotNet's parser events into <see cref="ManifestNode"/>s, keeping positions and reporting duplicate keys.</summary>
/// <remarks>
/// YamlDotNet's own representation model stops at the first duplicate key; reading events lets every duplicate be
/// reported with the rest of the file's problems.
/// </remarks>
internal sealed class NodeReader
{
    // Deep enough for any real manifest, shallow enough that hostile input cannot exhaust the stack.
    private const int MaxDepth = 64;

    private readonly IParser _parser;
    private readonly ParseContext _context;
    private readonly Dictionary<string, ManifestNode> _anchors = new(StringComparer.Ordinal);

    private NodeReader(IParser parser, ParseContext context)
    {
        _parser = parser;
        _context = context;
    }

    /// <returns>The document's root node, or null when the text is empty or not valid YAML (the latter reported).</returns>
    public static ManifestNode? Read(string yaml, ParseContext context)
    {
        var parser = new GuardedParser(new Parser(new StringReader(yaml)));
        try
        {
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _))
            {
                return null;
            }

            parser.Consume<DocumentStart>();
            var root = new NodeReader(parser, context).ReadNode(depth: 0);
            parser.Consume<DocumentEnd>();
            if (parser.Accept<DocumentStart>(out var second))
            {
                context.Error(SourcePosition.From(second.Start), "a manifest is a single YAML document; remove the '---' and everything after it, or merge the documents");
            }

            return root;
        }
        catch (YamlException ex)
        {
            context.Error(SourcePosition.From(ex.Start), $"YAML syntax error: {ex.Message}");
            return null;
        }
    }

    private ManifestNode ReadNode(int depth)
    {
        var current = _parser.Current ?? throw new YamlException("Unexpected end of the document.");
        if (depth > MaxDepth)
        {
            throw new YamlException(current.Start, current.End, $"values are nested more than {MaxDepth} levels deep.");
        }

        switch (current)
        {
            case AnchorAlias alias:
                _parser.MoveNext();
                return _anchors.TryGetValue(alias.Value.Value, out var target)
                    ? target
                    : throw new YamlException(alias.Start, alias.End, $"the alias '*{alias.Value.Value}' has no anchor '&{alias.Value.Value}' before it.");
            case Scalar scalar:
                _parser.MoveNext();
                return Anchor(scalar, new ScalarNode(SourcePosition.From(scalar.Start), scalar.Value, scalar.Style == ScalarStyle.Plain));
            case SequenceStart start:
                return Anchor(start, ReadSequence(start, depth));
            case MappingStart start:
                return Anchor(start, ReadMapping(start, depth));
            default:
                throw new YamlException(current.Start, current.End, $"unexpected {current.GetType().Name}.");
        }
    }

    private SequenceNode ReadSequence(SequenceStart start, int depth)
    {
        _parser.MoveNext();
        var items = new List<ManifestNode>();
        while (!_parser.TryConsume<SequenceEnd>(out _))
        {
            items.Add(ReadNode(depth + 1));
        }

        return new SequenceNode(SourcePosition.From(start.Start), items);
    }

    private MappingNode ReadMapping(MappingStart start, int depth)
    {
        _parser.MoveNext();
        var entries = new List<MappingEntry>();
        var seen = new Dictionary<string, SourcePosition>(StringComparer.Ordinal);
        while (!_parser.TryConsume<MappingEnd>(out _))
        {
            var key = ReadNode(depth + 1);
            var value = ReadNode(depth + 1);
            if (key is not ScalarNode scalarKey)
            {
                _context.Error(key, $"a key must be a plain name, not {key.Describe()}");
            }
            else if (seen.TryGetValue(scalarKey.Value, out var first))
            {
                _context.Error(key, $"duplicate key '{scalarKey.Value}'; it is already set on line {first.Line}");
            }
            else
            {
                seen.Add(scalarKey.Value, key.Position);
                entries.Add(new MappingEntry(scalarKey, value));
            }
        }

        return new MappingNode(SourcePosition.From(start.Start), entries);
    }

    private ManifestNode Anchor(NodeEvent node, ManifestNode built)
    {
        if (!node.Anchor.IsEmpty)
        {
            _anchors[node.Anchor.Value] = built;
        }

        return built;
    }
}
