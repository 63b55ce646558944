using System.Globalization;
using System.Text.RegularExpressions;

namespace Wharf.Core.Tests.Releases;

/// <summary>Applies a unified diff strictly (context and removed lines must match), to check diffs round-trip.</summary>
public static partial class UnifiedPatch
{
    public static List<string> Apply(List<string> old, string diff)
    {
        var result = new List<string>();
        var position = 0;
        var lines = diff.Split('\n');
        for (var i = 2; i < lines.Length && lines[i].Length > 0; i++)
        {
            var header = Header().Match(lines[i]);
            Assert.True(header.Success, $"Expected a hunk header, got '{lines[i]}'.");
            var start = int.Parse(header.Groups[1].Value, CultureInfo.InvariantCulture);
            var count = header.Groups[2].Success ? int.Parse(header.Groups[2].Value, CultureInfo.InvariantCulture) : 1;
            var firstOld = count == 0 ? start : start - 1;
            Assert.True(firstOld >= position, "Hunks must not overlap.");
            result.AddRange(old.Skip(position).Take(firstOld - position));
            position = firstOld;
            while (i + 1 < lines.Length && lines[i + 1].Length > 0 && !lines[i + 1].StartsWith("@@", StringComparison.Ordinal))
            {
                var line = lines[++i];
                var text = line[1..];
                if (line[0] is ' ' or '-')
                {
                    Assert.Equal(old[position], text);
                    position++;
                }

                if (line[0] is ' ' or '+')
                {
                    result.Add(text);
                }
            }
        }

        result.AddRange(old.Skip(position));
        return result;
    }

    [GeneratedRegex(@"^@@ -(\d+)(?:,(\d+))? \+\d+(?:,\d+)? @@$")]
    private static partial Regex Header();
}
