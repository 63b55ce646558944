using System.Runtime.ExceptionServices;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Wharf.Core.Runtime;

namespace Wharf.Core.Logs;

/// <summary>
/// Copies one process's output into its app's log, from the cursor stored with the last batch on: each batch goes
/// to the store together with the position after its last line, so after any crash the store holds exactly the
/// lines before the stored position, and reading resumes there. Reading and storing overlap: while one batch is
/// being written to disk the next one gathers, which keeps the delay from a line to its storage at one disk flush.
/// </summary>
internal sealed class ProcessLogFollower(
    LoggedProcess process, IProcessLogReader reader, ILogStore store, LogCollectorOptions options, ILogger logger)
{
    public LoggedProcess Process => process;

    /// <summary>The cursor's name: the runtime's, then the process id ("docker:3f2a9c0d1e2b").</summary>
    public string Source => $"{reader.Name}:{process.Id}";

    /// <summary>Stores the process's output until it ends (the process exited) or <paramref name="ct"/> is cancelled.</summary>
    /// <exception cref="Errors.NotFoundException">The process is gone.</exception>
    public async Task RunAsync(CancellationToken ct)
    {
        var position = await store.GetCursorAsync(process.App, Source, ct);
        var lines = Channel.CreateBounded<ProcessLogLine>(new BoundedChannelOptions(options.MaxBatchLines * 4)
        {
            SingleReader = true,
            SingleWriter = true,
        });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var reading = ReadAsync(position, lines.Writer, stop.Token);
        try
        {
            await StoreAsync(lines.Reader, ct);
        }
        catch
        {
            await stop.CancelAsync();

            // When the reader failed first (the process gone, the engine away), the store loop only saw its echo.
            if (await reading is { } failure and not OperationCanceledException)
            {
                ExceptionDispatchInfo.Throw(failure);
            }

            throw;
        }

        await reading;
    }

    /// <summary>Reads into <paramref name="lines"/> until the output ends; returns why it stopped early, if it did.</summary>
    private async Task<Exception?> ReadAsync(string? position, ChannelWriter<ProcessLogLine> lines, CancellationToken ct)
    {
        // Off the caller's stack: the reader's first read may complete synchronously.
        await Task.Yield();
        try
        {
            try
            {
                await CopyAsync(position, lines, ct);
            }
            catch (FormatException e) when (position is not null)
            {
                // Only a cursor written by another kind of runtime gets here; reading it all again beats losing it all.
                LogCollectorLog.CursorUnreadable(logger, process.Id, process.App, e);
                await CopyAsync(null, lines, ct);
            }

            lines.TryComplete();
            return null;
        }
        catch (Exception e)
        {
            lines.TryComplete(e);
            return e;
        }
    }

    private async Task CopyAsync(string? position, ChannelWriter<ProcessLogLine> lines, CancellationToken ct)
    {
        await foreach (var line in reader.ReadAsync(process.Id, position, follow: true, ct))
        {
            await lines.WriteAsync(line, ct);
        }
    }

    private async Task StoreAsync(ChannelReader<ProcessLogLine> lines, CancellationToken ct)
    {
        var batch = new List<ProcessLogLine>();
        var lastPositioned = -1;
        while (await lines.WaitToReadAsync(ct))
        {
            // A batch ends at its last line that has a position; lines after it wait for the next batch.
            while ((batch.Count < options.MaxBatchLines || lastPositioned < 0) && lines.TryRead(out var line))
            {
                batch.Add(line);
                if (line.Position is not null)
                {
                    lastPositioned = batch.Count - 1;
                }
            }

            if (lastPositioned < 0)
            {
                continue;
            }

            var entries = new LogEntry[lastPositioned + 1];
            for (var i = 0; i <= lastPositioned; i++)
            {
                entries[i] = ToEntry(batch[i]);
            }

            await store.AppendAsync(entries, new LogCursor(process.App, Source, batch[lastPositioned].Position!), ct);
            batch.RemoveRange(0, lastPositioned + 1);
            lastPositioned = batch.FindLastIndex(l => l.Position is not null);
        }
    }

    private LogEntry ToEntry(ProcessLogLine line) => new(
        line.Time,
        process.App,
        line.Stream == OutputChannel.Stderr ? LogSource.Stderr : LogSource.Stdout,
        process.Service,
        process.Id,
        process.Release,
        line.Text);
}
