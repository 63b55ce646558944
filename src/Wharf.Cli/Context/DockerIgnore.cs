namespace Wharf.Cli.Context;

/// <summary>
/// The rules of a .dockerignore, applied as Docker applies them: a path is excluded when the last rule that
/// matches it (or one of its parent directories) is an exclusion; a later <c>!rule</c> re-includes.
/// </summary>
internal sealed class DockerIgnore
{
    public const string FileName = ".dockerignore";

    private readonly IReadOnlyList<DockerIgnorePattern> _patterns;

    public DockerIgnore(IEnumerable<DockerIgnorePattern> patterns)
    {
        _patterns = [.. patterns];
    }

    public IReadOnlyList<DockerIgnorePattern> Patterns => _patterns;

    /// <summary>The rules of a .dockerignore's text, then <paramref name="alwaysSent"/> re-included at the end.</summary>
    public static DockerIgnore Parse(string text, IEnumerable<string> alwaysSent)
    {
        var lines = text.TrimStart('\uFEFF').ReplaceLineEndings("\n").Split('\n');
        var patterns = lines.Select(DockerIgnorePattern.Parse).OfType<DockerIgnorePattern>();
        return new DockerIgnore([.. patterns, .. alwaysSent.Select(DockerIgnorePattern.Keep)]);
    }

    /// <summary>The rules of <c>DIRECTORY/.dockerignore</c> (none when it does not exist), then <paramref name="alwaysSent"/>.</summary>
    public static DockerIgnore Load(string directory, IEnumerable<string> alwaysSent)
    {
        var file = Path.Combine(directory, FileName);
        return Parse(File.Exists(file) ? File.ReadAllText(file) : "", alwaysSent);
    }

    /// <param name="path">Relative to the context root, '/'-separated, without a leading or trailing '/'.</param>
    public bool IsExcluded(string path)
    {
        var parents = ParentsOf(path);
        var excluded = false;
        foreach (var pattern in _patterns)
        {
            // A rule can only change the answer when it points the other way from where it stands now.
            if (pattern.Reincludes != excluded)
            {
                continue;
            }

            if (pattern.Matches(path) || parents.Any(pattern.Matches))
            {
                excluded = !pattern.Reincludes;
            }
        }

        return excluded;
    }

    /// <summary>
    /// Whether a walk must still look inside an excluded directory: as in Docker, only when a re-inclusion
    /// rule is written as a path below it (so <c>node_modules</c> is skipped whole unless <c>!node_modules/x</c>).
    /// </summary>
    public bool MayReincludeBelow(string directory)
    {
        var prefix = directory + "/";
        return _patterns.Any(p => p.Reincludes && (p.Text + "/").StartsWith(prefix, StringComparison.Ordinal));
    }

    private static List<string> ParentsOf(string path)
    {
        var parents = new List<string>();
        for (var slash = path.IndexOf('/', StringComparison.Ordinal); slash > 0; slash = path.IndexOf('/', slash + 1))
        {
            parents.Add(path[..slash]);
        }

        return parents;
    }
}
