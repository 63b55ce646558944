using System.Globalization;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Wharf.Core.Logs;
using Wharf.Storage.IO;

namespace Wharf.Storage.Logs;

/// <summary>
/// One app's log (or the platform's): its segments on disk, one writer that commits queued appends together
/// (one write and one fsync for all of them), and an immutable view of what is committed for readers, replaced
/// after every commit, with a signal for followers.
/// </summary>
internal sealed partial class AppLog : IAsyncDisposable
{
    private readonly LogStoreOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly Channel<AppLogRequest> _requests = Channel.CreateUnbounded<AppLogRequest>(new UnboundedChannelOptions { SingleReader = true });
    private readonly List<SealedSegment> _sealed;
    private readonly CursorBook _cursors;
    private readonly RecordBuffer _buffer;
    private readonly Task _writer;
    private ActiveSegment? _active;

    // The segment being written, or the one to write next when a failure left none open.
    private SegmentFiles _activeFiles;
    private Exception? _broken;
    private bool _deleted;
    private long _commits;
    private LogView _view = LogView.Empty;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private AppLog(string name, string directory, LogStoreOptions options, TimeProvider clock, ILogger logger, List<SealedSegment> sealedSegments, ActiveSegment active, CursorBook cursors)
    {
        Name = name;
        Directory = directory;
        _options = options;
        _clock = clock;
        _logger = logger;
        _sealed = sealedSegments;
        _active = active;
        _activeFiles = active.Files;
        _cursors = cursors;
        _buffer = new RecordBuffer(options.MaxLineBytes);
        Publish();
        _writer = Task.Run(RunWriterAsync);
    }

    /// <summary>The app, or "_system" for the platform log.</summary>
    public string Name { get; }

    public string Directory { get; }

    /// <summary>Group commits so far (each one write and one fsync).</summary>
    public long Commits => Interlocked.Read(ref _commits);

    /// <summary>What is committed now.</summary>
    public LogView View => Volatile.Read(ref _view);

    /// <summary>Completes when the next view is published. Take it before reading <see cref="View"/>, then nothing is missed.</summary>
    public Task Changed => Volatile.Read(ref _changed).Task;

    /// <summary>Opens the log in <paramref name="directory"/>, creating it when missing and recovering it after a crash.</summary>
    public static AppLog Open(string name, string directory, LogStoreOptions options, TimeProvider clock, ILogger logger)
    {
        directory = DurableFile.EnsureDirectory(directory, SegmentFiles.DirectoryMode);
        foreach (var temp in System.IO.Directory.EnumerateFiles(directory, DurableFile.TempPrefix + "*"))
        {
            File.Delete(temp);
        }

        var blockBytes = BlockBytes(options);
        var segments = SegmentFiles.List(directory);
        var sealedSegments = new List<SealedSegment>();
        foreach (var files in segments.Take(segments.Count - 1))
        {
            var (segment, rebuilt) = SealedSegment.Open(files, blockBytes);
            if (rebuilt)
            {
                LogStoreLog.IndexRebuilt(logger, name, files.LogPath);
            }

            sealedSegments.Add(segment);
        }

        var cursors = new CursorBook();
        ActiveSegment? active = null;
        if (segments.Count > 0)
        {
            var last = segments[^1];
            try
            {
                var (segment, cut) = ActiveSegment.Recover(last, blockBytes, cursors);
                if (cut > 0)
                {
                    LogStoreLog.TornTailCut(logger, name, cut, last.LogPath);
                }

                // It may have been closed just before a crash that kept its successor from being created.
                last.DeleteIndex();
                active = segment;
            }
            catch (InvalidDataException e)
            {
                var aside = last.LogPath + ".damaged-" + clock.GetUtcNow().UtcTicks.ToString(CultureInfo.InvariantCulture);
                File.Move(last.LogPath, aside);
                LogStoreLog.SegmentSetAside(logger, name, last.LogPath, aside, e);
                if (sealedSegments.Count > 0)
                {
                    ReadCursors(sealedSegments[^1].Files, cursors);
                }
            }
        }

        if (active is null)
        {
            var id = segments.Count == 0 ? 1 : segments[^1].Id + 1;
            using var checkpoint = new RecordBuffer(options.MaxLineBytes);
            WriteCheckpoint(checkpoint, cursors.KeepSince(long.MinValue));
            active = ActiveSegment.Create(new SegmentFiles(directory, id), checkpoint.Written, clock.GetUtcNow().UtcTicks, blockBytes);
        }

        return new AppLog(name, directory, options, clock, logger, sealedSegments, active, cursors);
    }

    public string? GetCursor(string source) => _cursors.Get(source);

    /// <summary>Queues the entries (all of this log) and the cursor, and returns when they are durable.</summary>
    public async Task AppendAsync(IReadOnlyList<LogEntry> entries, LogCursor? cursor, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var request = AppLogRequest.Append(entries, cursor);
        if (!_requests.Writer.TryWrite(request))
        {
            throw Closed();
        }

        await request.Done.Task.WaitAsync(ct);
    }

    public Task ApplyRetentionAsync(CancellationToken ct) => ControlAsync(AppLogRequestKind.Retention, ct);

    /// <summary>Deletes the log's directory; followers end and later appends fail.</summary>
    public async Task DeleteAsync(CancellationToken ct)
    {
        await ControlAsync(AppLogRequestKind.Delete, ct);
        _requests.Writer.TryComplete();
        await _writer;
    }

    public async ValueTask DisposeAsync()
    {
        _requests.Writer.TryComplete();
        await _writer;
        _active?.Dispose();
        _active = null;
        PublishClosed();
        _buffer.Dispose();
    }

    private static int BlockBytes(LogStoreOptions options) => (int)Math.Min(options.BlockBytes, options.SegmentBytes / 4);

    private static void WriteCheckpoint(RecordBuffer buffer, List<(string Source, string Position, long UpdatedTicks)> cursors)
    {
        buffer.Clear();
        foreach (var (source, position, updated) in cursors)
        {
            buffer.AppendCursor(source, position, updated);
        }

        buffer.AppendCommit();
    }

    private static void ReadCursors(SegmentFiles files, CursorBook cursors)
    {
        using var log = files.OpenLog(FileAccess.Read);
        SegmentRecords.ForEach(log, LogFormat.HeaderSize, RandomAccess.GetLength(log), verify: true, (record, _) =>
        {
            if (record.Kind == LogFormat.CursorKind)
            {
                cursors.Apply(record);
            }

            return true;
        });
    }

    private async Task ControlAsync(AppLogRequestKind kind, CancellationToken ct)
    {
        var request = AppLogRequest.Control(kind);
        if (!_requests.Writer.TryWrite(request))
        {
            throw Closed();
        }

        await request.Done.Task.WaitAsync(ct);
    }

    private ObjectDisposedException Closed() =>
        new(nameof(AppLog), _deleted ? $"The log of '{Name}' was deleted." : $"The log of '{Name}' is closed: the log store is shutting down.");

    private void Publish()
    {
        var segments = new List<SegmentView>(_sealed.Count + 1);
        segments.AddRange(_sealed.Select(segment => segment.View));
        if (_active is not null)
        {
            segments.Add(_active.View());
        }

        Swap(new LogView(segments, closed: false));
    }

    private void PublishClosed() => Swap(new LogView([], closed: true));

    private void Swap(LogView view)
    {
        Volatile.Write(ref _view, view);
        var previous = Interlocked.Exchange(ref _changed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        previous.TrySetResult();
    }
}
