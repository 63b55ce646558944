using System.Globalization;
using System.Text;

namespace Wharf.Core.Releases;

/// <summary>A unified diff of two texts, line by line, as `diff -u` prints it.</summary>
public static class TextDiff
{
    public const int DefaultContext = 3;

    /// <summary>The unified diff from <paramref name="oldText"/> to <paramref name="newText"/>; empty when their lines are equal.</summary>
    public static string Unified(string? oldText, string? newText, string oldLabel, string newLabel, int context = DefaultContext)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(context);
        var a = Lines(oldText);
        var b = Lines(newText);
        var edits = MyersDiff.Diff(a, b);
        var changes = Enumerable.Range(0, edits.Count).Where(i => edits[i].Kind != LineEditKind.Keep).ToList();
        if (changes.Count == 0)
        {
            return string.Empty;
        }

        var text = new StringBuilder();
        text.Append("--- ").Append(oldLabel).Append('\n');
        text.Append("+++ ").Append(newLabel).Append('\n');
        var first = 0;
        while (first < changes.Count)
        {
            // A hunk runs on while the unchanged stretch to the next change is short enough to show as context.
            var last = first;
            while (last + 1 < changes.Count && changes[last + 1] - changes[last] - 1 <= 2 * context)
            {
                last++;
            }

            AppendHunk(text, edits, a, b, Math.Max(0, changes[first] - context), Math.Min(edits.Count - 1, changes[last] + context));
            first = last + 1;
        }

        return text.ToString();
    }

    private static void AppendHunk(StringBuilder text, IReadOnlyList<LineEdit> edits, List<string> a, List<string> b, int start, int end)
    {
        var oldCount = 0;
        var newCount = 0;
        for (var i = start; i <= end; i++)
        {
            oldCount += edits[i].Kind == LineEditKind.Insert ? 0 : 1;
            newCount += edits[i].Kind == LineEditKind.Delete ? 0 : 1;
        }

        text.Append("@@ -").Append(Range(edits[start].Old, oldCount))
            .Append(" +").Append(Range(edits[start].New, newCount)).Append(" @@\n");
        for (var i = start; i <= end; i++)
        {
            var edit = edits[i];
            var line = edit.Kind switch
            {
                LineEditKind.Keep => " " + a[edit.Old],
                LineEditKind.Delete => "-" + a[edit.Old],
                _ => "+" + b[edit.New],
            };
            text.Append(line).Append('\n');
        }
    }

    // diff -u numbers lines from 1, leaves out a count of 1, and names the line before an empty range.
    private static string Range(int start, int count) => count switch
    {
        0 => string.Create(CultureInfo.InvariantCulture, $"{start},0"),
        1 => (start + 1).ToString(CultureInfo.InvariantCulture),
        _ => string.Create(CultureInfo.InvariantCulture, $"{start + 1},{count}"),
    };

    private static List<string> Lines(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').ToList();
        if (lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        return lines;
    }
}
