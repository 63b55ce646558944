using System.Diagnostics;
using Wharf.Core.Logs;

namespace LogBench;

/// <summary>
/// Collectors as the server will run them: each reads one process's output and appends it in batches with its
/// cursor, waiting for each durable acknowledgement before the next batch. Several collectors per app, several apps.
/// </summary>
public sealed class IngestBench(ILogStore store, LinePool lines, int collectors, int apps, int batchLines)
{
    public sealed record Result(long Lines, TimeSpan Elapsed, Percentiles AppendLatency)
    {
        public double LinesPerSecond => Lines / Elapsed.TotalSeconds;

        public double MegabytesPerSecond => LinesPerSecond * LinePool.LineBytes / 1e6;
    }

    public async Task<Result> RunAsync(TimeSpan duration, string appPrefix, CancellationToken ct = default)
    {
        var latencies = new List<double>[collectors];
        var counts = new long[collectors];
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, collectors).Select(collector => Task.Run(async () =>
        {
            var app = $"{appPrefix}-{collector % apps}";
            var process = $"web-{collector}";
            var own = latencies[collector] = [];
            var next = (long)collector * 7919;
            var batches = 0;
            while (clock.Elapsed < duration && !ct.IsCancellationRequested)
            {
                var now = DateTimeOffset.UtcNow;
                var batch = new LogEntry[batchLines];
                for (var i = 0; i < batchLines; i++)
                {
                    batch[i] = new LogEntry(now, app, LogSource.Stdout, "web", process, 3, lines[next++]);
                }

                var started = Stopwatch.GetTimestamp();
                await store.AppendAsync(batch, new LogCursor(app, $"docker:{process}", $"{++batches}"), ct);
                own.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                counts[collector] += batchLines;
            }
        }, ct)));
        var elapsed = clock.Elapsed;
        return new Result(counts.Sum(), elapsed, new Percentiles(latencies.SelectMany(list => list)));
    }
}
