using System.Diagnostics;
using System.Globalization;
using System.Text;
using Wharf.Core.Logs;

namespace LogBench;

/// <summary>
/// <c>--filter</c> over about a gigabyte of log text: the same lines go into the store (one app) and into a plain
/// text file, then <c>grep -F -c</c> over the file and a store query with the same filter are timed, interleaved,
/// in the same run. Both read from the page cache (each is run once untimed first).
/// </summary>
public sealed class FilterBench(ILogStore store, LinePool lines, string workDirectory)
{
    public const string App = "corpus";
    private const int BatchLines = 5000;
    private const int RareLines = 12;

    public sealed record Corpus(string TextFile, long Lines, long Bytes, TimeSpan Elapsed);

    public sealed record Comparison(string Needle, long Matches, double GrepSeconds, double StoreSeconds, long Bytes)
    {
        /// <summary>Store speed as a fraction of grep's (goal at least 0.5).</summary>
        public double SpeedRatio => GrepSeconds / StoreSeconds;
    }

    /// <summary>Writes lines until the text file holds <paramref name="targetBytes"/>.</summary>
    public async Task<Corpus> BuildAsync(long targetBytes)
    {
        var textFile = Path.Combine(workDirectory, "corpus.txt");
        var totalLines = targetBytes / (LinePool.LineBytes + 1);
        var rareAt = new HashSet<long>(Enumerable.Range(1, RareLines).Select(i => totalLines * i / (RareLines + 1)));
        var clock = Stopwatch.StartNew();
        await using var text = new FileStream(textFile, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 20);
        // Recent enough that retention by age (7 days) keeps them all.
        var t0 = DateTimeOffset.UtcNow.AddDays(-1);
        var utf8 = new byte[(LinePool.LineBytes * 3) + 1];
        long written = 0;
        for (long start = 0; start < totalLines; start += BatchLines)
        {
            var count = (int)Math.Min(BatchLines, totalLines - start);
            var batch = new LogEntry[count];
            for (var i = 0; i < count; i++)
            {
                var n = start + i;
                var line = rareAt.Contains(n) ? LinePool.Rare((int)n) : lines[n];
                batch[i] = new LogEntry(t0.AddMilliseconds(n), App, LogSource.Stdout, "web", $"web-{n % 4}", 7, line);
                var length = Encoding.UTF8.GetBytes(line, utf8);
                utf8[length] = (byte)'\n';
                text.Write(utf8, 0, length + 1);
                written += length + 1;
            }

            await store.AppendAsync(batch);
        }

        await text.FlushAsync();
        return new Corpus(textFile, totalLines, written, clock.Elapsed);
    }

    public async Task<Comparison> CompareAsync(Corpus corpus, string needle, int rounds)
    {
        // Untimed first runs: load both into the page cache and let the JIT compile the scan.
        var grepCount = await GrepAsync(corpus.TextFile, needle);
        var storeCount = await CountAsync(needle);
        if (grepCount != storeCount)
        {
            throw new InvalidOperationException($"grep found {grepCount} lines with '{needle}', the store {storeCount}.");
        }

        var grepTimes = new List<double>();
        var storeTimes = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            var clock = Stopwatch.StartNew();
            await GrepAsync(corpus.TextFile, needle);
            grepTimes.Add(clock.Elapsed.TotalSeconds);
            clock.Restart();
            await CountAsync(needle);
            storeTimes.Add(clock.Elapsed.TotalSeconds);
        }

        return new Comparison(needle, storeCount, Median(grepTimes), Median(storeTimes), corpus.Bytes);
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values.Count % 2 == 1 ? values[values.Count / 2] : (values[(values.Count / 2) - 1] + values[values.Count / 2]) / 2;
    }

    private static async Task<long> GrepAsync(string file, string needle)
    {
        var start = new ProcessStartInfo("grep") { RedirectStandardOutput = true, UseShellExecute = false };

        // grep at its fastest: byte comparisons, no multibyte locale handling.
        start.Environment["LC_ALL"] = "C";
        foreach (var argument in new[] { "-F", "-c", "--", needle, file })
        {
            start.ArgumentList.Add(argument);
        }

        using var grep = Process.Start(start)!;
        var output = await grep.StandardOutput.ReadToEndAsync();
        await grep.WaitForExitAsync();
        return long.Parse(output.Trim(), CultureInfo.InvariantCulture);
    }

    private async Task<long> CountAsync(string needle)
    {
        long count = 0;
        await foreach (var entry in store.QueryAsync(new LogQuery { App = App, Filter = needle }))
        {
            count++;
        }

        return count;
    }
}
