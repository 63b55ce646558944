using Wharf.Manifest.Yaml;

namespace Wharf.Manifest.Parsing;

/// <summary>Reads an <c>environment</c> list, app-wide or per service: <c>- KEY</c> or <c>- KEY=default</c>.</summary>
internal static class EnvironmentParser
{
    public static IReadOnlyList<EnvDeclaration> Parse(ParseContext context, ManifestNode node, string label)
    {
        if (node is ScalarNode { IsNull: true })
        {
            return [];
        }

        if (node is not SequenceNode sequence)
        {
            ValueReader.ReportShape(context, node, label, "a list of KEY or KEY=default entries");
            return [];
        }

        var declarations = new List<EnvDeclaration>();
        var seen = new Dictionary<string, SourcePosition>(StringComparer.Ordinal);
        foreach (var item in sequence.Items)
        {
            if (item is not ScalarNode { IsNull: false } scalar)
            {
                ValueReader.ReportShape(context, item, $"each item of {label}", "KEY or KEY=default");
                continue;
            }

            var equals = scalar.Value.IndexOf('=', StringComparison.Ordinal);
            var key = equals < 0 ? scalar.Value : scalar.Value[..equals];
            if (!EnvironmentName.IsValid(key))
            {
                context.Error(item, $"'{key}' is not a valid environment variable name; use letters, digits and '_', not starting with a digit");
                continue;
            }

            if (seen.TryGetValue(key, out var first))
            {
                context.Error(item, $"environment variable '{key}' is already declared on line {first.Line}");
                continue;
            }

            seen.Add(key, item.Position);
            // Only the default is interpolated: the key names the variable itself and must stay as written.
            var value = equals < 0 ? null : context.Expand(scalar.Value[(equals + 1)..], scalar);
            if (equals < 0 || value is not null)
            {
                declarations.Add(new EnvDeclaration(key, value));
            }
        }

        return declarations;
    }
}
