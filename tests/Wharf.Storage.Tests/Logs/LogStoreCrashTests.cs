using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Wharf.Core.Logs;
using Wharf.Storage.Logs;
using Wharf.Storage.Tests.TestSupport;

namespace Wharf.Storage.Tests.Logs;

/// <summary>
/// A real process appends with durable acknowledgements and is killed with SIGKILL; the store opened afterwards
/// must hold every acknowledged batch, whole, exactly once, with the cursor that covers it.
/// </summary>
public sealed partial class LogStoreCrashTests : IDisposable
{
    private const int Rounds = 3;
    private const int AcksPerRound = 150;
    private static readonly TimeSpan _roundTimeout = TimeSpan.FromSeconds(90);
    private readonly TempDirectory _directory = new();

    [Fact]
    public async Task AppendAsync_WriterKilledWithSigkillThenResumedFromItsCursors_EveryAcknowledgedBatchKeptWholeAndOnce()
    {
        var logs = _directory.Combine("logs");
        var acknowledged = new int[CrashingWriterProgram.Writers];
        for (var round = 1; round <= Rounds; round++)
        {
            await RunAndKillAsync(logs, acknowledged);

            await using var store = LogStoreFactory.Open(CrashingWriterProgram.Options(logs));
            for (var writer = 0; writer < CrashingWriterProgram.Writers; writer++)
            {
                var cursor = int.Parse(await store.GetCursorAsync(CrashingWriterProgram.App(writer), CrashingWriterProgram.Source(writer)) ?? "0", CultureInfo.InvariantCulture);
                Assert.True(cursor >= acknowledged[writer], $"Round {round}: writer {writer} had batch {acknowledged[writer]} acknowledged, but its cursor is at {cursor}.");
                await AssertBatchesAsync(store, writer, cursor, round);
            }
        }

        // A log with several killed writers behind it still takes lines.
        await using var reopened = LogStoreFactory.Open(CrashingWriterProgram.Options(logs));
        await reopened.AppendAsync([new LogEntry(DateTimeOffset.UtcNow, "even", LogSource.Event, null, null, null, "after the crashes")]);
        var last = await LogTestStore.ToListAsync(reopened.QueryAsync(new LogQuery { App = "even", Sources = LogSource.Event }));
        Assert.Equal("after the crashes", Assert.Single(last).Text);
    }

    public void Dispose() => _directory.Dispose();

    /// <summary>The writer's lines are exactly batches 1..cursor, each with all its lines in order, none twice.</summary>
    private static async Task AssertBatchesAsync(ILogStore store, int writer, int cursor, int round)
    {
        var query = new LogQuery { App = CrashingWriterProgram.App(writer), ProcessId = CrashingWriterProgram.Source(writer) };
        var expected = new List<string>();
        for (var batch = 1; batch <= cursor; batch++)
        {
            expected.AddRange(Enumerable.Range(0, CrashingWriterProgram.BatchSize(writer, batch)).Select(line => CrashingWriterProgram.Text(writer, batch, line)));
        }

        // Lines of one writer are appended in order, but equal timestamps may put them in either order: compare as sets, then count.
        var texts = (await LogTestStore.ToListAsync(store.QueryAsync(query))).Select(entry => entry.Text).ToList();
        var missing = expected.Except(texts).Take(3).ToList();
        var extra = texts.Except(expected).Take(3).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0 && texts.Count == expected.Count,
            $"Round {round}, writer {writer}, cursor {cursor}: {expected.Count} lines expected, {texts.Count} found; "
            + $"missing e.g. [{string.Join("; ", missing.Select(Short))}], unexpected e.g. [{string.Join("; ", extra.Select(Short))}].");
    }

    private static string Short(string text) => text.Length > 20 ? text[..20] : text;

    private static async Task RunAndKillAsync(string logs, int[] acknowledged)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(typeof(CrashingWriterProgram).Assembly.Location);
        start.ArgumentList.Add("crashing-writer");
        start.ArgumentList.Add(logs);
        using var process = Process.Start(start)!;
        var errors = new StringBuilder();
        process.ErrorDataReceived += (_, e) =>
        {
            lock (errors)
            {
                errors.AppendLine(e.Data);
            }
        };
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(_roundTimeout);
        var acks = 0;
        try
        {
            while (acks < AcksPerRound)
            {
                var line = await process.StandardOutput.ReadLineAsync(timeout.Token);
                if (line is null)
                {
                    await process.WaitForExitAsync(timeout.Token);
                    lock (errors)
                    {
                        Assert.Fail($"The writer exited with {process.ExitCode} after {acks} acknowledgements:\n{errors}");
                    }
                }

                var ack = Ack().Match(line!);
                Assert.True(ack.Success, $"Unexpected writer output: {line}");
                var writer = int.Parse(ack.Groups[1].Value, CultureInfo.InvariantCulture);
                acknowledged[writer] = Math.Max(acknowledged[writer], int.Parse(ack.Groups[2].Value, CultureInfo.InvariantCulture));
                acks++;
            }
        }
        finally
        {
            // SIGKILL: no chance to flush, close or finish a write.
            process.Kill();
            await process.WaitForExitAsync(CancellationToken.None);
        }
    }

    [GeneratedRegex(@"^ack (\d+) (\d+)$")]
    private static partial Regex Ack();
}
