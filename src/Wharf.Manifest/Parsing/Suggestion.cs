namespace Wharf.Manifest.Parsing;

/// <summary>Finds the word a user probably meant, for "did you mean" hints.</summary>
internal static class Suggestion
{
    /// <returns>The closest candidate within a small edit distance, or null when nothing is close enough to help.</returns>
    public static string? Closest(string input, IEnumerable<string> candidates)
    {
        var lowered = input.ToLowerInvariant();
        // Short words differ completely after two edits, so they only get one.
        var allowed = lowered.Length <= 4 ? 1 : 2;
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = Distance(lowered, candidate.ToLowerInvariant());
            if (distance <= allowed && distance < bestDistance)
            {
                (best, bestDistance) = (candidate, distance);
            }
        }

        return best;
    }

    /// <summary>" did you mean 'x'?" style suffix, or empty.</summary>
    public static string Hint(string input, IEnumerable<string> candidates) =>
        Closest(input, candidates) is { } match ? $"; did you mean '{match}'?" : string.Empty;

    // Optimal string alignment: Levenshtein plus adjacent transpositions, the most common typo ("prot" for "port").
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
