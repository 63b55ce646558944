namespace Wharf.Core.Releases;

/// <summary>
/// Myers' O((N+M)D) shortest edit script between two line lists ("An O(ND) Difference Algorithm and Its
/// Variations", 1986): the greedy forward search, keeping each round's furthest-reaching paths to walk back.
/// </summary>
public static class MyersDiff
{
    public static IReadOnlyList<LineEdit> Diff(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        int n = a.Count, m = b.Count, max = n + m, offset = max + 1;
        var v = new int[(2 * max) + 3];
        var trace = new List<int[]>();
        for (var d = 0; d <= max; d++)
        {
            trace.Add((int[])v.Clone());
            for (var k = -d; k <= d; k += 2)
            {
                var x = k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])
                    ? v[offset + k + 1]
                    : v[offset + k - 1] + 1;
                var y = x - k;
                while (x < n && y < m && string.Equals(a[x], b[y], StringComparison.Ordinal))
                {
                    x++;
                    y++;
                }

                v[offset + k] = x;
                if (x >= n && y >= m)
                {
                    return Backtrack(trace, offset, n, m);
                }
            }
        }

        throw new InvalidOperationException("Unreachable: a diff always ends within N+M rounds.");
    }

    private static List<LineEdit> Backtrack(List<int[]> trace, int offset, int n, int m)
    {
        var edits = new List<LineEdit>();
        int x = n, y = m;
        for (var d = trace.Count - 1; d >= 0; d--)
        {
            var v = trace[d];
            var k = x - y;
            var prevK = k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) ? k + 1 : k - 1;
            var prevX = v[offset + prevK];
            var prevY = prevX - prevK;
            while (x > prevX && y > prevY)
            {
                x--;
                y--;
                edits.Add(new LineEdit(LineEditKind.Keep, x, y));
            }

            if (d > 0)
            {
                edits.Add(x == prevX
                    ? new LineEdit(LineEditKind.Insert, x, prevY)
                    : new LineEdit(LineEditKind.Delete, prevX, y));
            }

            x = prevX;
            y = prevY;
        }

        edits.Reverse();
        return edits;
    }
}
