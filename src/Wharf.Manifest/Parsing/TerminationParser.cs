using Wharf.Manifest.Yaml;

namespace Wharf.Manifest.Parsing;

/// <summary>Reads a service's <c>termination: {grace}</c>.</summary>
internal static class TerminationParser
{
    public static ServiceTermination? Parse(ParseContext context, ManifestNode node, string path)
    {
        var fields = SectionReader.Open(context, node, path, "termination.", ManifestKeys.Termination, "a mapping with grace");
        if (fields is null)
        {
            return null;
        }

        var termination = new ServiceTermination();
        return fields.Duration("grace", TimeSpan.Zero) is { } grace ? termination with { Grace = grace } : termination;
    }
}
