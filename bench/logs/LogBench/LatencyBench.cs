using System.Diagnostics;
using System.Globalization;
using Wharf.Core.Logs;

namespace LogBench;

/// <summary>
/// Append-to-visible: a follower (what <c>wharf logs -f</c> runs on) and an appender writing one line every few
/// milliseconds; each line's latency is from the moment its append is called until the follower receives it.
/// </summary>
public sealed class LatencyBench(ILogStore store)
{
    public async Task<Percentiles> RunAsync(string app, int count, TimeSpan interval, CancellationToken ct = default)
    {
        var sent = new long[count];
        var latencies = new double[count];
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await store.AppendAsync([new LogEntry(DateTimeOffset.UtcNow, app, LogSource.Event, null, null, null, "start")], null, ct);
        var follower = Task.Run(async () =>
        {
            var received = 0;
            await foreach (var entry in store.FollowAsync(new LogQuery { App = app, Tail = 1 }, stop.Token))
            {
                if (entry.Text == "start")
                {
                    ready.TrySetResult();
                    continue;
                }

                var seq = int.Parse(entry.Text.AsSpan(4, 8), CultureInfo.InvariantCulture);
                latencies[seq] = Stopwatch.GetElapsedTime(Volatile.Read(ref sent[seq])).TotalMilliseconds;
                if (++received == count)
                {
                    return;
                }
            }
        }, ct);

        await ready.Task.WaitAsync(TimeSpan.FromSeconds(30), ct);
        var appends = new List<Task>();
        var pace = Stopwatch.StartNew();
        for (var seq = 0; seq < count; seq++)
        {
            var text = string.Create(CultureInfo.InvariantCulture, $"seq={seq:D8} {new string('.', 180)}");
            Volatile.Write(ref sent[seq], Stopwatch.GetTimestamp());

            // Not awaited one by one: lines arrive at their pace, whatever the last append costs.
            appends.Add(store.AppendAsync([new LogEntry(DateTimeOffset.UtcNow, app, LogSource.Stdout, "web", "web-1", 1, text)], null, ct));
            var due = interval * (seq + 1);
            if (due > pace.Elapsed)
            {
                await Task.Delay(due - pace.Elapsed, ct);
            }
        }

        await Task.WhenAll(appends);
        await follower.WaitAsync(TimeSpan.FromSeconds(60), ct);
        return new Percentiles(latencies);
    }
}
