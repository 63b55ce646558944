using Wharf.Core.Releases;

namespace Wharf.Core.Tests.Releases;

public sealed class TextDiffTests
{
    [Theory]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("a\nb\n", "a\nb\n")]
    [InlineData("a\r\nb\r\n", "a\nb\n")]
    public void Unified_SameLines_IsEmpty(string? a, string? b)
    {
        Assert.Equal(string.Empty, TextDiff.Unified(a, b, "release 1", "release 2"));
    }

    [Fact]
    public void Unified_OneLineChanged_ShowsThreeLinesOfContext()
    {
        var a = "1\n2\n3\n4\n5\n6\n7\n8\n9\n";
        var b = "1\n2\n3\n4\nfive\n6\n7\n8\n9\n";

        var diff = TextDiff.Unified(a, b, "release 1", "release 2");

        Assert.Equal("--- release 1\n+++ release 2\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n", diff);
    }

    [Fact]
    public void Unified_FromNothing_InsertsEverythingAfterLineZero()
    {
        var diff = TextDiff.Unified(null, "a\nb\n", "release 1", "release 2");

        Assert.Equal("--- release 1\n+++ release 2\n@@ -0,0 +1,2 @@\n+a\n+b\n", diff);
    }

    [Fact]
    public void Unified_SingleLineRemoved_LeavesOutCountOfOne()
    {
        var diff = TextDiff.Unified("only\n", null, "release 1", "release 2");

        Assert.Equal("--- release 1\n+++ release 2\n@@ -1 +0,0 @@\n-only\n", diff);
    }

    [Fact]
    public void Unified_ChangesFarApart_MakeTwoHunks()
    {
        var a = string.Join('\n', Enumerable.Range(1, 20)) + "\n";
        var b = a.Replace("\n2\n", "\ntwo\n", StringComparison.Ordinal).Replace("\n19\n", "\nnineteen\n", StringComparison.Ordinal);

        var diff = TextDiff.Unified(a, b, "release 1", "release 2");

        Assert.Equal(
            "--- release 1\n+++ release 2\n"
            + "@@ -1,5 +1,5 @@\n 1\n-2\n+two\n 3\n 4\n 5\n"
            + "@@ -16,5 +16,5 @@\n 16\n 17\n 18\n-19\n+nineteen\n 20\n",
            diff);
    }

    [Fact]
    public void Unified_ChangesSixLinesApart_ShareOneHunk()
    {
        var a = "1\n2\n3\n4\n5\n6\n7\n8\n";
        var b = "one\n2\n3\n4\n5\n6\n7\neight\n";

        var diff = TextDiff.Unified(a, b, "a", "b");

        Assert.Equal(1, diff.Split('\n').Count(l => l.StartsWith("@@", StringComparison.Ordinal)));
        Assert.StartsWith("--- a\n+++ b\n@@ -1,8 +1,8 @@\n-1\n+one\n 2\n", diff, StringComparison.Ordinal);
    }

    [Fact]
    public void Unified_RandomEdits_PatchTurnsOldIntoNewWithMinimalChanges()
    {
        var random = new Random(42);
        for (var round = 0; round < 300; round++)
        {
            var a = RandomLines(random);
            var b = RandomLines(random);

            var diff = TextDiff.Unified(Text(a), Text(b), "a", "b", context: random.Next(0, 4));

            Assert.Equal(b, UnifiedPatch.Apply(a, diff));
            var changed = diff.Split('\n').Count(l => l.Length > 0 && (l[0] == '+' || l[0] == '-') && !l.StartsWith("---", StringComparison.Ordinal) && !l.StartsWith("+++", StringComparison.Ordinal));
            Assert.Equal(a.Count + b.Count - (2 * LcsLength(a, b)), changed);
        }
    }

    private static List<string> RandomLines(Random random) =>
        [.. Enumerable.Range(0, random.Next(0, 12)).Select(_ => ((char)('a' + random.Next(0, 4))).ToString())];

    private static string Text(List<string> lines) => string.Concat(lines.Select(l => l + "\n"));

    private static int LcsLength(List<string> a, List<string> b)
    {
        var table = new int[a.Count + 1, b.Count + 1];
        for (var i = 1; i <= a.Count; i++)
        {
            for (var j = 1; j <= b.Count; j++)
            {
                table[i, j] = a[i - 1] == b[j - 1] ? table[i - 1, j - 1] + 1 : Math.Max(table[i - 1, j], table[i, j - 1]);
            }
        }

        return table[a.Count, b.Count];
    }
}
