using System.Collections.ObjectModel;
using Wharf.Manifest.Values;
using Wharf.Manifest.Yaml;

namespace Wharf.Manifest.Parsing;

/// <summary>Reads a section of named entries (<c>services</c>, <c>resources</c>, <c>timers</c>), keeping file order.</summary>
internal static class NamedEntriesParser
{
    /// <param name="kind">The singular noun for messages: "service", "resource", "timer".</param>
    public static IReadOnlyDictionary<string, T> Parse<T>(
        ParseContext context, ManifestNode? node, string section, string kind, Func<ParseContext, string, ManifestNode, string, T?> parse)
        where T : class
    {
        var entries = new OrderedDictionary<string, T>(StringComparer.Ordinal);
        if (node is null or ScalarNode { IsNull: true })
        {
            return new ReadOnlyDictionary<string, T>(entries);
        }

        if (node is not MappingNode mapping)
        {
            ValueReader.ReportShape(context, node, section, $"a mapping of {kind} names to their settings");
            return new ReadOnlyDictionary<string, T>(entries);
        }

        foreach (var (key, value) in mapping.Entries)
        {
            var path = $"{section}.{key.Value}";
            context.Mark(path, key);
            if (!DnsName.IsLabel(key.Value))
            {
                var fixedName = key.Value.ToLowerInvariant().Replace('_', '-');
                var hint = DnsName.IsLabel(fixedName) ? $"; did you mean '{fixedName}'?" : string.Empty;
                context.Error(key, $"{kind} name '{key.Value}' is not a valid DNS label: {DnsName.LabelRule}{hint}");
            }

            if (parse(context, key.Value, value, path) is { } entry)
            {
                entries.Add(key.Value, entry);
            }
        }

        return new ReadOnlyDictionary<string, T>(entries);
    }
}
