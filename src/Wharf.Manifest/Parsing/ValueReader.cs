using System.Collections.ObjectModel;
using System.Globalization;
using Wharf.Manifest.Values;
using Wharf.Manifest.Yaml;

namespace Wharf.Manifest.Parsing;

/// <summary>Reads one typed value from a node, reporting "LABEL must be ..., got ..." when it is something else.</summary>
/// <remarks>Every reader returns null after reporting, so callers keep parsing and the user sees every problem at once.</remarks>
internal static class ValueReader
{
    public const string DurationExample = "such as 30 (seconds), 10s, 2m or 500ms";

    /// <summary>A non-empty string; numbers and booleans are taken as written, as a user quoting them would expect.</summary>
    public static string? String(ParseContext context, ManifestNode node, string label)
    {
        if (node is not ScalarNode scalar || scalar.IsNull)
        {
            ReportShape(context, node, label, "a string");
            return null;
        }

        var text = context.Text(scalar);
        if (text is { Length: 0 })
        {
            context.Error(node, $"{label} must not be empty");
            return null;
        }

        return text;
    }

    public static int? Int(ParseContext context, ManifestNode node, string label, int min, int max)
    {
        var text = Scalar(context, node);
        if (text is not null && int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            && value >= min && value <= max)
        {
            return value;
        }

        Report(context, node, text, label, max == int.MaxValue
            ? $"a whole number of at least {min}"
            : $"a whole number between {min} and {max}");
        return null;
    }

    public static bool? Bool(ParseContext context, ManifestNode node, string label)
    {
        var text = Scalar(context, node);
        if (bool.TryParse(text, out var value))
        {
            return value;
        }

        Report(context, node, text, label, "true or false");
        return null;
    }

    public static TimeSpan? Duration(ParseContext context, ManifestNode node, string label, TimeSpan min)
    {
        var text = Scalar(context, node);
        if (text is not null && DurationParser.TryParse(text, out var value) && value >= min)
        {
            return value;
        }

        Report(context, node, text, label, min > TimeSpan.Zero
            ? $"a duration of at least {DurationParser.Format(min)} {DurationExample}"
            : $"a duration {DurationExample}");
        return null;
    }

    /// <summary>One of a fixed set of lower-case words, with a suggestion when the value is a near miss.</summary>
    public static string? Choice(ParseContext context, ManifestNode node, string label, IReadOnlyList<string> choices)
    {
        var text = Scalar(context, node);
        if (text is not null && choices.Contains(text, StringComparer.Ordinal))
        {
            return text;
        }

        var expected = string.Join(", ", choices.Take(choices.Count - 1)) + " or " + choices[^1];
        Report(context, node, text, label, expected, text is null ? string.Empty : Suggestion.Hint(text, choices));
        return null;
    }

    /// <summary>A list of non-empty strings, or (when <paramref name="allowSingle"/>) one string standing for a list of one.</summary>
    public static IReadOnlyList<(string Value, ManifestNode Node)>? Strings(ParseContext context, ManifestNode node, string label, bool allowSingle = true)
    {
        if (node is ScalarNode && allowSingle)
        {
            return String(context, node, label) is { } single ? [(single, node)] : null;
        }

        if (node is not SequenceNode sequence)
        {
            ReportShape(context, node, label, allowSingle ? "a string or a list of strings" : "a list of strings");
            return null;
        }

        var values = new List<(string, ManifestNode)>();
        var failed = false;
        foreach (var item in sequence.Items)
        {
            if (String(context, item, $"each item of {label}") is { } text)
            {
                values.Add((text, item));
            }
            else
            {
                failed = true;
            }
        }

        return failed ? null : values;
    }

    /// <summary>A mapping of names to single values, in file order; an empty value is an empty string.</summary>
    public static IReadOnlyDictionary<string, string>? Map(ParseContext context, ManifestNode node, string label)
    {
        if (node is ScalarNode { IsNull: true })
        {
            return ReadOnlyDictionary<string, string>.Empty;
        }

        if (node is not MappingNode mapping)
        {
            ReportShape(context, node, label, "a mapping of names to values");
            return null;
        }

        var map = new OrderedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in mapping.Entries)
        {
            if (value is not ScalarNode scalar)
            {
                ReportShape(context, value, $"{label}.{key.Value}", "a single value");
            }
            else if ((scalar.IsNull ? string.Empty : context.Text(scalar)) is { } text)
            {
                map.Add(key.Value, text);
            }
        }

        return new ReadOnlyDictionary<string, string>(map);
    }

    /// <summary>The interpolated text of a non-null scalar; null for anything else or when interpolation failed (and was reported).</summary>
    public static string? Scalar(ParseContext context, ManifestNode node) =>
        node is ScalarNode { IsNull: false } scalar ? context.Text(scalar) : null;

    /// <summary>Reports a value that is not what <paramref name="label"/> needs, unless interpolating it already failed.</summary>
    /// <param name="text">The interpolated text; null when the node is not a scalar or interpolation failed.</param>
    public static void Report(ParseContext context, ManifestNode node, string? text, string label, string expected, string hint = "")
    {
        if (text is not null || node is not ScalarNode { IsNull: false })
        {
            context.Error(node, $"{label} must be {expected}, got {Got(node, text)}{hint}");
        }
    }

    /// <summary>Reports a node of the wrong kind, e.g. a string where a mapping belongs.</summary>
    public static void ReportShape(ParseContext context, ManifestNode node, string label, string expected) =>
        context.Error(node, $"{label} must be {expected}, got {node.Describe()}");

    /// <summary>
    /// How a bad value reads after "got": the text itself, or, when variables were filled into it, only the reference:
    /// variables come from the app's config, and an error (which reaches API answers and logs) must never carry a secret.
    /// </summary>
    public static string Got(ManifestNode node, string? text) =>
        node is ScalarNode scalar && text is not null && text != scalar.Value
            ? $"{scalar.Describe()} filled in from config (the value is not shown: it may be a secret)"
            : text is not null ? $"'{text}'" : node.Describe();
}
