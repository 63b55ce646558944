using Wharf.Manifest.Yaml;

namespace Wharf.Manifest.Parsing;

/// <summary>Reads a service's <c>health</c>: a path, or <c>{path, interval, timeout, grace}</c>.</summary>
internal static class HealthParser
{
    public static ServiceHealth? Parse(ParseContext context, ManifestNode node, string path)
    {
        var health = new ServiceHealth();
        if (node is ScalarNode { IsNull: false })
        {
            return HttpPath(context, node, "health") is { } onlyPath ? health with { Path = onlyPath } : null;
        }

        var fields = SectionReader.Open(context, node, path, "health.", ManifestKeys.Health, "a path or a mapping with path, interval, timeout and grace");
        if (fields is null)
        {
            return null;
        }

        if (fields["path"] is { } pathNode && HttpPath(context, pathNode, "health.path") is { } httpPath)
        {
            health = health with { Path = httpPath };
        }

        return health with
        {
            Interval = fields.Duration("interval", TimeSpan.FromSeconds(1)) ?? health.Interval,
            Timeout = fields.Duration("timeout", TimeSpan.FromSeconds(1)) ?? health.Timeout,
            Grace = fields.Duration("grace", TimeSpan.Zero) ?? health.Grace,
        };
    }

    private static string? HttpPath(ParseContext context, ManifestNode node, string label)
    {
        var text = ValueReader.String(context, node, label);
        if (text is null || text.StartsWith('/'))
        {
            return text;
        }

        context.Error(node, $"{label} must be a URL path starting with '/', got {ValueReader.Got(node, text)}");
        return null;
    }
}
