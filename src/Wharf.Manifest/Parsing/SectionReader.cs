using Wharf.Manifest.Yaml;

namespace Wharf.Manifest.Parsing;

/// <summary>One mapping of the manifest with a known set of keys: rejects the others, remembers positions, reads typed values.</summary>
internal sealed class SectionReader
{
    private readonly Dictionary<string, ManifestNode> _values = new(StringComparer.Ordinal);
    private readonly string _labelPrefix;

    private SectionReader(ParseContext context, string path, string labelPrefix)
    {
        Context = context;
        Path = path;
        _labelPrefix = labelPrefix;
    }

    public ParseContext Context { get; }

    /// <summary>The dotted path of this mapping, e.g. "services.web.health"; empty at the top level.</summary>
    public string Path { get; }

    /// <summary>
    /// Opens <paramref name="node"/> as a mapping (an empty value counts as an empty mapping), reporting unknown keys.
    /// Returns null, after reporting, when the node is a scalar or a list.
    /// </summary>
    /// <param name="labelPrefix">What messages put before a key, e.g. "health." so errors read "health.interval must be ...".</param>
    /// <param name="expected">How to describe the mapping when the node is something else.</param>
    public static SectionReader? Open(ParseContext context, ManifestNode node, string path, string labelPrefix, IReadOnlyList<string> keys, string expected)
    {
        if (node is ScalarNode { IsNull: true })
        {
            return new SectionReader(context, path, labelPrefix);
        }

        if (node is not MappingNode mapping)
        {
            ValueReader.ReportShape(context, node, labelPrefix.Length == 0 ? path : labelPrefix.TrimEnd('.'), expected);
            return null;
        }

        var reader = new SectionReader(context, path, labelPrefix);
        foreach (var (key, value) in mapping.Entries)
        {
            if (keys.Contains(key.Value, StringComparer.Ordinal))
            {
                reader._values.Add(key.Value, value);
                context.Mark(reader.PathOf(key.Value), value);
            }
            else
            {
                var where = path.Length == 0 ? "at the top level" : $"in {path}";
                var help = Suggestion.Closest(key.Value, keys) is { } match
                    ? $"did you mean '{match}'?"
                    : $"expected one of {string.Join(", ", keys)}";
                context.Error(key, $"unknown key '{key.Value}' {where}; {help}");
            }
        }

        return reader;
    }

    public ManifestNode? this[string key] => _values.GetValueOrDefault(key);

    public string PathOf(string key) => Path.Length == 0 ? key : $"{Path}.{key}";

    public string LabelOf(string key) => _labelPrefix + key;

    public string? String(string key) => this[key] is { } node ? ValueReader.String(Context, node, LabelOf(key)) : null;

    public int? Int(string key, int min, int max = int.MaxValue) =>
        this[key] is { } node ? ValueReader.Int(Context, node, LabelOf(key), min, max) : null;

    public bool? Bool(string key) => this[key] is { } node ? ValueReader.Bool(Context, node, LabelOf(key)) : null;

    public TimeSpan? Duration(string key, TimeSpan min) =>
        this[key] is { } node ? ValueReader.Duration(Context, node, LabelOf(key), min) : null;

    public string? Choice(string key, IReadOnlyList<string> choices) =>
        this[key] is { } node ? ValueReader.Choice(Context, node, LabelOf(key), choices) : null;
}
