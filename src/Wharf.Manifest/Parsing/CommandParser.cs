using Wharf.Manifest.Yaml;

namespace Wharf.Manifest.Parsing;

/// <summary>Reads a <c>command</c>: a string for the shell, or a list run without one.</summary>
internal static class CommandParser
{
    public static ManifestCommand? Parse(ParseContext context, ManifestNode node, string label)
    {
        if (node is ScalarNode)
        {
            return ValueReader.String(context, node, label) is { } text ? ManifestCommand.Shell(text) : null;
        }

        if (node is SequenceNode { Items.Count: 0 })
        {
            context.Error(node, $"{label} must not be an empty list");
            return null;
        }

        var arguments = ValueReader.Strings(context, node, label);
        return arguments is null ? null : ManifestCommand.Exec([.. arguments.Select(a => a.Value)]);
    }
}
