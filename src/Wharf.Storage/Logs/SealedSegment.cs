namespace Wharf.Storage.Logs;

/// <summary>A full segment: never written again, read through its index, deleted whole by retention.</summary>
internal sealed class SealedSegment
{
    public SealedSegment(SegmentFiles files, BlockInfo[] blocks, long length)
    {
        Files = files;
        View = new SegmentView(files, blocks, blocks.Length, new BlockInfo(length, 0, 0, long.MaxValue, long.MinValue, 0));
        DiskBytes = length + ((long)blocks.Length * TrigramBloom.Bytes) + IndexFile.Size(blocks.Length);
    }

    public SegmentFiles Files { get; }

    public long Id => Files.Id;

    public SegmentView View { get; }

    public long DiskBytes { get; }

    /// <summary>Opens a full segment by its index; rebuilds the index (and Bloom file) when it is missing or damaged.</summary>
    /// <returns>The segment, and whether its index had to be rebuilt.</returns>
    public static (SealedSegment Segment, bool Rebuilt) Open(SegmentFiles files, int blockBytes)
    {
        if (IndexFile.TryRead(files) is { } index)
        {
            return (new SealedSegment(files, index.Blocks, index.Length), false);
        }

        var (segment, _) = ActiveSegment.Recover(files, blockBytes, new CursorBook());
        return (segment.Seal(), true);
    }
}
