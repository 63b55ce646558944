namespace Wharf.Storage.Logs;

/// <summary>
/// What readers may read of one segment at one moment: its closed blocks (indexed, with Bloom filters) and, after
/// them, the open block up to the last commit (to be scanned without an index).
/// </summary>
internal sealed class SegmentView(SegmentFiles files, BlockInfo[] blocks, int blockCount, BlockInfo open)
{
    public SegmentFiles Files { get; } = files;

    public long Id => Files.Id;

    public ReadOnlySpan<BlockInfo> Blocks => blocks.AsSpan(0, blockCount);

    /// <summary>The records after the last closed block (Length 0 when there are none).</summary>
    public BlockInfo Open { get; } = open;

    /// <summary>Where the committed records end.</summary>
    public long End => Open.End;

    public long MaxTicks
    {
        get
        {
            var max = Open.MaxTicks;
            foreach (var block in Blocks)
            {
                max = Math.Max(max, block.MaxTicks);
            }

            return max;
        }
    }

    public int EntryCount
    {
        get
        {
            var count = Open.Count;
            foreach (var block in Blocks)
            {
                count += block.Count;
            }

            return count;
        }
    }
}
