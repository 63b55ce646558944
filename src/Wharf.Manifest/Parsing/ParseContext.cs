using Wharf.Manifest.Yaml;

namespace Wharf.Manifest.Parsing;

/// <summary>What one parse shares: the file name, the variables, the errors found so far, and where each value was written.</summary>
/// <remarks>
/// Positions are kept by dotted path ("services.web.scale.count") so the semantic checks, which see only records,
/// can still point at the line that caused a problem.
/// </remarks>
internal sealed class ParseContext(string file, IReadOnlyDictionary<string, string>? variables)
{
    private readonly List<ManifestError> _errors = [];
    private readonly Dictionary<string, SourcePosition> _positions = new(StringComparer.Ordinal);

    public bool HasErrors => _errors.Count > 0;

    public void Error(SourcePosition at, string message) => _errors.Add(new ManifestError(file, at.Line, at.Column, message));

    public void Error(ManifestNode node, string message) => Error(node.Position, message);

    public void Error(string path, string message) => Error(PositionOf(path), message);

    public void Mark(string path, ManifestNode node) => _positions.TryAdd(path, node.Position);

    /// <summary>Whether the file set the value at <paramref name="path"/>, even to something invalid.</summary>
    public bool Has(string path) => _positions.ContainsKey(path);

    /// <summary>Where the value at <paramref name="path"/> was written, or its nearest written parent.</summary>
    public SourcePosition PositionOf(string path)
    {
        for (var current = path; current.Length > 0; current = Parent(current))
        {
            if (_positions.TryGetValue(current, out var position))
            {
                return position;
            }
        }

        return SourcePosition.Start;
    }

    /// <summary>The scalar's text with variables filled in; null (and reported) when a variable is missing.</summary>
    public string? Text(ScalarNode scalar) => Expand(scalar.Value, scalar);

    /// <summary>Fills variables into part of a scalar, reporting problems at the scalar.</summary>
    public string? Expand(string text, ScalarNode scalar)
    {
        var problems = new List<string>();
        var expanded = Interpolator.Expand(text, variables, problems);
        foreach (var problem in problems)
        {
            Error(scalar, problem);
        }

        return expanded;
    }

    /// <summary>Every error once, in file order; a node reached through several YAML aliases reports only once.</summary>
    public IReadOnlyList<ManifestError> Errors() =>
        [.. _errors.Distinct().OrderBy(e => e.Line).ThenBy(e => e.Column)];

    private static string Parent(string path)
    {
        var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut < 0 ? string.Empty : path[..cut];
    }
}
