using Microsoft.Win32.SafeHandles;
using Wharf.Storage.IO;

namespace Wharf.Storage.Logs;

/// <summary>
/// The segment being written. Only the log's writer touches it; readers see it through <see cref="View"/>
/// snapshots taken after each commit.
/// </summary>
internal sealed class ActiveSegment : IDisposable
{
    private readonly SafeFileHandle _log;
    private readonly SafeFileHandle _bloom;
    private readonly BlockBuilder _open;
    private BlockInfo[] _blocks = new BlockInfo[16];
    private int _blockCount;

    private ActiveSegment(SegmentFiles files, SafeFileHandle log, SafeFileHandle bloom, int blockBytes, long length)
    {
        Files = files;
        _log = log;
        _bloom = bloom;
        _open = new BlockBuilder(blockBytes);
        _open.Reset(LogFormat.HeaderSize);
        Length = length;
    }

    public SegmentFiles Files { get; }

    /// <summary>Where the committed records end.</summary>
    public long Length { get; private set; }

    /// <summary>The segment's bytes on disk, records and Bloom filters.</summary>
    public long DiskBytes => Length + ((long)_blockCount * TrigramBloom.Bytes);

    /// <summary>Creates the segment file with its header and <paramref name="checkpoint"/> (cursor records and a commit) in one atomic step.</summary>
    public static ActiveSegment Create(SegmentFiles files, ReadOnlySpan<byte> checkpoint, long createdTicks, int blockBytes)
    {
        var bytes = new byte[LogFormat.HeaderSize + checkpoint.Length];
        SegmentFiles.Header(files.Id, createdTicks).CopyTo(bytes, 0);
        checkpoint.CopyTo(bytes.AsSpan(LogFormat.HeaderSize));
        DurableFile.WriteAtomic(files.LogPath, bytes, SegmentFiles.FileMode, overwrite: false);
        var segment = new ActiveSegment(files, files.OpenLog(FileAccess.ReadWrite), files.OpenBloomForWriting(), blockBytes, bytes.Length);
        segment.Index(checkpoint);
        return segment;
    }

    /// <summary>
    /// Opens a segment after a restart or a crash: keeps the records up to the last commit, cuts off whatever
    /// follows (a torn or half-acknowledged write), rebuilds the Bloom filters and replays the cursors.
    /// </summary>
    /// <returns>The segment and how many bytes were cut off.</returns>
    /// <exception cref="InvalidDataException">The file has no valid segment header.</exception>
    public static (ActiveSegment Segment, long CutBytes) Recover(SegmentFiles files, int blockBytes, CursorBook cursors)
    {
        var log = files.OpenLog(FileAccess.ReadWrite);
        try
        {
            if (files.HeaderProblem(log) is { } problem)
            {
                throw new InvalidDataException($"The log segment '{files.LogPath}' is damaged: {problem}.");
            }

            var fileLength = RandomAccess.GetLength(log);
            long committed = LogFormat.HeaderSize;
            SegmentRecords.ForEach(log, LogFormat.HeaderSize, fileLength, verify: true, (record, offset) =>
            {
                if (record.Kind == LogFormat.CommitKind)
                {
                    committed = offset + record.Length;
                }

                return true;
            });
            if (fileLength > committed)
            {
                RandomAccess.SetLength(log, committed);
                RandomAccess.FlushToDisk(log);
            }

            var segment = new ActiveSegment(files, log, files.OpenBloomForWriting(), blockBytes, committed);
            SegmentRecords.ForEach(log, LogFormat.HeaderSize, committed, verify: false, (record, _) =>
            {
                segment.Add(record);
                if (record.Kind == LogFormat.CursorKind)
                {
                    cursors.Apply(record);
                }

                return true;
            });
            return (segment, fileLength - committed);
        }
        catch
        {
            log.Dispose();
            throw;
        }
    }

    /// <summary>Appends whole records ending with a commit and makes them durable (write, then fsync).</summary>
    public void Append(ReadOnlySpan<byte> records)
    {
        Index(records);
        try
        {
            RandomAccess.Write(_log, records, Length);
            RandomAccess.FlushToDisk(_log);
        }
        catch
        {
            // The caller reports this write as failed, so it must not be found after recovery either.
            RandomAccess.SetLength(_log, Length);
            throw;
        }

        Length += records.Length;
    }

    public SegmentView View() =>
        new(Files, _blocks, _blockCount, new BlockInfo(_open.Start, (int)(Length - _open.Start), _open.Count, _open.MinTicks, _open.MaxTicks, _open.Sources));

    /// <summary>Closes the segment for good: indexes its last block, writes its index file and closes its files.</summary>
    public SealedSegment Seal()
    {
        if (_open.Length > 0)
        {
            CloseBlock();
        }

        RandomAccess.FlushToDisk(_bloom);
        var blocks = _blocks.AsSpan(0, _blockCount).ToArray();
        IndexFile.Write(Files, Length, blocks);
        Dispose();
        return new SealedSegment(Files, blocks, Length);
    }

    public void Dispose()
    {
        _log.Dispose();
        _bloom.Dispose();
    }

    private void Index(ReadOnlySpan<byte> records)
    {
        while (!records.IsEmpty && LogRecord.TryReadUnchecked(records, out var record))
        {
            Add(record);
            records = records[record.Length..];
        }
    }

    private void Add(LogRecord record)
    {
        _open.Add(record);
        if (_open.IsFull)
        {
            CloseBlock();
        }
    }

    private void CloseBlock()
    {
        var block = _open.ToInfo();
        RandomAccess.Write(_bloom, _open.Bloom, (long)_blockCount * TrigramBloom.Bytes);
        if (_blockCount == _blocks.Length)
        {
            // A new array, never a resize in place: published views keep reading the old one.
            var larger = new BlockInfo[_blocks.Length * 2];
            _blocks.AsSpan(0, _blockCount).CopyTo(larger);
            _blocks = larger;
        }

        _blocks[_blockCount++] = block;
        _open.Reset(block.End);
    }
}
