using System.Globalization;
using Wharf.Core.Logs;
using Wharf.Storage.Logs;

namespace Wharf.Storage.Tests.Logs;

/// <summary>
/// The entry point of this assembly, for <see cref="LogStoreCrashTests"/>: run as
/// <c>dotnet Wharf.Storage.Tests.dll crashing-writer DIR</c> it appends batches with cursors from several writers
/// at once, forever, printing "ack WRITER BATCH" after each acknowledged append, until the test kills it.
/// </summary>
public static class CrashingWriterProgram
{
    public const int Writers = 4;

    public static LogStoreOptions Options(string directory) => new()
    {
        Directory = directory,
        SegmentBytes = 64 * 1024,
        MaxBytesPerApp = 1L << 30,
        BlockBytes = 4 * 1024,
    };

    public static string App(int writer) => writer % 2 == 0 ? "even" : "odd";

    public static string Source(int writer) => $"writer-{writer}";

    /// <summary>How many lines batch <paramref name="batch"/> of <paramref name="writer"/> has: the checker knows without being told.</summary>
    public static int BatchSize(int writer, int batch) => 1 + (((writer * 31) + (batch * 17)) % 40);

    public static string Text(int writer, int batch, int line) =>
        string.Create(CultureInfo.InvariantCulture, $"w={writer} b={batch} l={line} {new string('x', 60 + (line % 50))}");

    public static async Task<int> Main(string[] args)
    {
        if (args is not ["crashing-writer", var directory])
        {
            await Console.Error.WriteLineAsync("usage: Wharf.Storage.Tests crashing-writer DIRECTORY");
            return 2;
        }

        var store = LogStoreFactory.Open(Options(directory));
        var output = Console.Out;
        var writeLock = new Lock();
        await Task.WhenAll(Enumerable.Range(0, Writers).Select(writer => Task.Run(async () =>
        {
            var next = int.Parse(await store.GetCursorAsync(App(writer), Source(writer)) ?? "0", CultureInfo.InvariantCulture) + 1;
            for (var batch = next; ; batch++)
            {
                var entries = Enumerable.Range(0, BatchSize(writer, batch))
                    .Select(line => new LogEntry(DateTimeOffset.UtcNow, App(writer), LogSource.Stdout, "web", Source(writer), 1, Text(writer, batch, line)))
                    .ToList();
                await store.AppendAsync(entries, new LogCursor(App(writer), Source(writer), batch.ToString(CultureInfo.InvariantCulture)));
                lock (writeLock)
                {
                    output.WriteLine($"ack {writer} {batch}");
                    output.Flush();
                }
            }
        })));
        return 0;
    }
}
