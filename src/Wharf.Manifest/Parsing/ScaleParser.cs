using Wharf.Manifest.Values;
using Wharf.Manifest.Yaml;

namespace Wharf.Manifest.Parsing;

/// <summary>Reads a service's <c>scale</c>: a process count, or <c>{count, min, max, cpu, memory}</c>.</summary>
internal static class ScaleParser
{
    // Below this Docker refuses to start a container, so a smaller limit is almost surely a missing unit ("512").
    private const long MinMemory = 6L << 20;

    public static ServiceScale? Parse(ParseContext context, ManifestNode node, string path)
    {
        if (node is ScalarNode { IsNull: false })
        {
            return ValueReader.Int(context, node, "scale", 0, int.MaxValue) is { } only
                ? new ServiceScale { Count = only, Min = only, Max = only }
                : null;
        }

        var fields = SectionReader.Open(context, node, path, "scale.", ManifestKeys.Scale, "a process count or a mapping with count, min, max, cpu and memory");
        if (fields is null)
        {
            return null;
        }

        var min = fields.Int("min", 0);
        var max = fields.Int("max", 0);
        var count = fields.Int("count", 0) ?? min ?? 1;
        // Unset bounds follow what was set, so validation only ever complains about numbers the user wrote.
        var resolvedMin = min ?? Math.Min(count, max ?? count);
        return new ServiceScale
        {
            Count = count,
            Min = resolvedMin,
            Max = max ?? Math.Max(count, resolvedMin),
            CpuMillicores = fields["cpu"] is { } cpu ? Cpu(context, cpu) : null,
            MemoryBytes = fields["memory"] is { } memory ? Memory(context, memory) : null,
        };
    }

    private static int? Cpu(ParseContext context, ManifestNode node)
    {
        var text = ValueReader.Scalar(context, node);
        if (text is not null && CpuParser.TryParse(text, out var millicores))
        {
            return millicores;
        }

        ValueReader.Report(context, node, text, "scale.cpu", "a number of cores such as 0.5 or 2, or of millicores such as 500m");
        return null;
    }

    private static long? Memory(ParseContext context, ManifestNode node)
    {
        var text = ValueReader.Scalar(context, node);
        if (text is not null && MemoryParser.TryParse(text, out var bytes) && bytes >= MinMemory)
        {
            return bytes;
        }

        ValueReader.Report(context, node, text, "scale.memory", "a size of at least 6MiB such as 512MiB or 1GiB (a bare number is bytes)");
        return null;
    }
}
