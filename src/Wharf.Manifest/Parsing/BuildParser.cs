using Wharf.Manifest.Yaml;

namespace Wharf.Manifest.Parsing;

/// <summary>Reads a service's <c>build</c>: a context path, or <c>{path, dockerfile, args}</c>.</summary>
internal static class BuildParser
{
    public static ServiceBuild? Parse(ParseContext context, ManifestNode node, string path)
    {
        if (node is ScalarNode { IsNull: false })
        {
            return RelativePath(context, node, "build") is { } directory ? new ServiceBuild { Path = directory } : null;
        }

        var fields = SectionReader.Open(context, node, path, "build.", ManifestKeys.Build, "a path or a mapping with path, dockerfile and args");
        if (fields is null)
        {
            return null;
        }

        var build = new ServiceBuild();
        if (fields["path"] is { } pathNode && RelativePath(context, pathNode, "build.path") is { } buildPath)
        {
            build = build with { Path = buildPath };
        }

        if (fields["dockerfile"] is { } dockerfileNode && RelativePath(context, dockerfileNode, "build.dockerfile") is { } dockerfile)
        {
            build = build with { Dockerfile = dockerfile };
        }

        if (fields["args"] is { } argsNode && ValueReader.Map(context, argsNode, "build.args") is { } args)
        {
            build = build with { Args = args };
        }

        return build;
    }

    // The build context is the uploaded source tree, so a path outside it would name nothing on the build host.
    private static string? RelativePath(ParseContext context, ManifestNode node, string label)
    {
        var text = ValueReader.String(context, node, label);
        if (text is null)
        {
            return null;
        }

        var depth = 0;
        foreach (var segment in text.Replace('\\', '/').Split('/'))
        {
            depth += segment switch
            {
                "" or "." => 0,
                ".." => -1,
                _ => 1,
            };
            if (depth < 0)
            {
                break;
            }
        }

        if (depth < 0 || Path.IsPathRooted(text) || text.StartsWith('/') || text.StartsWith('\\'))
        {
            ValueReader.Report(context, node, text, label, "a relative path inside the app's directory");
            return null;
        }

        return text;
    }
}
