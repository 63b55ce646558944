using System.Globalization;
using Wharf.Storage.Logs;

namespace LogBench;

/// <summary>
/// The log store's numbers on this machine: ingest rate, append-to-visible latency for a follower (idle and under
/// ingest load), and a text filter over ~1 GB against grep -F in the same run.
/// Usage: LogBench [--dir DIR] [--gb 1] [--ingest-seconds 10] [--collectors 8] [--apps 4] [--batch 500] [--latency-lines 2000]
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var settings = Settings.Parse(args);
        if (settings is null)
        {
            await Console.Error.WriteLineAsync("usage: LogBench [--dir DIR] [--gb N] [--ingest-seconds N] [--collectors N] [--apps N] [--batch N] [--latency-lines N]");
            return 2;
        }

        Directory.CreateDirectory(settings.Directory);
        var options = new LogStoreOptions
        {
            Directory = Path.Combine(settings.Directory, "logs"),
            MaxBytesPerApp = 8L << 30,
        };
        Console.WriteLine($"Log store bench in {settings.Directory} ({Environment.ProcessorCount} cores; segments {options.SegmentBytes >> 20} MiB)");
        var lines = new LinePool(200_000, seed: 42);
        await using var store = LogStoreFactory.Open(options);

        var latency = new LatencyBench(store);

        // Untimed: the JIT compiles the append and follow paths before anything is measured.
        await latency.RunAsync("warm-up", 300, TimeSpan.FromMilliseconds(1));
        Console.WriteLine();
        Console.WriteLine("Append-to-visible (follower), idle store, one line every 2 ms:");
        Console.WriteLine($"  {await latency.RunAsync("latency-idle", settings.LatencyLines, TimeSpan.FromMilliseconds(2))}");

        var ingest = new IngestBench(store, lines, settings.Collectors, settings.Apps, settings.Batch);
        Console.WriteLine();
        Console.WriteLine($"Ingest: {settings.Collectors} collectors over {settings.Apps} apps, batches of {settings.Batch} lines of {LinePool.LineBytes} bytes, each awaiting its durable ack, {settings.IngestSeconds} s:");
        var result = await ingest.RunAsync(TimeSpan.FromSeconds(settings.IngestSeconds), "ingest");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {result.LinesPerSecond:N0} lines/s ({result.MegabytesPerSecond:F1} MB/s of text), {result.Lines:N0} lines in {result.Elapsed.TotalSeconds:F1} s (goal >= 250,000 lines/s)"));
        Console.WriteLine($"  append (batch) latency: {result.AppendLatency}");

        Console.WriteLine();
        Console.WriteLine("Append-to-visible (follower) while the same ingest load runs:");
        using (var load = new CancellationTokenSource())
        {
            var background = ingest.RunAsync(TimeSpan.FromHours(1), "load", load.Token);
            var loaded = await latency.RunAsync("latency-loaded", settings.LatencyLines, TimeSpan.FromMilliseconds(2));
            await load.CancelAsync();
            var during = await background.ContinueWith(t => t.IsCompletedSuccessfully ? t.Result : null, TaskScheduler.Default);
            Console.WriteLine($"  {loaded} (goal p99 <= 1000 ms)");
            if (during is not null)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  ingest meanwhile: {during.LinesPerSecond:N0} lines/s"));
            }
        }

        Console.WriteLine();
        var filter = new FilterBench(store, lines, settings.Directory);
        Console.WriteLine($"Filter: writing {settings.Gigabytes:F1} GB of log text to the store and to a text file...");
        var corpus = await filter.BuildAsync((long)(settings.Gigabytes * 1e9));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {corpus.Lines:N0} lines, {corpus.Bytes / 1e9:F2} GB in {corpus.Elapsed.TotalSeconds:F1} s (one appender, batches of 5000: {corpus.Lines / corpus.Elapsed.TotalSeconds:N0} lines/s)"));
        foreach (var needle in new[] { LinePool.RareNeedle, LinePool.CommonNeedle })
        {
            var comparison = await filter.CompareAsync(corpus, needle, rounds: 3);
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"  '{needle}': {comparison.Matches:N0} matches; grep -F {comparison.GrepSeconds:F3} s ({comparison.Bytes / comparison.GrepSeconds / 1e9:F2} GB/s), store {comparison.StoreSeconds:F3} s ({comparison.Bytes / comparison.StoreSeconds / 1e9:F2} GB/s): store at {comparison.SpeedRatio:F2}x grep's speed (goal >= 0.5x)"));
        }

        return 0;
    }
}
