using Wharf.Core.Logs;

namespace Wharf.Storage.Logs;

/// <summary>
/// The index entry of one block: a run of whole records in a segment, with the time range and sources of its
/// entries. Its Bloom filter lives in the segment's .blm file at <c>index * TrigramBloom.Bytes</c>.
/// </summary>
/// <param name="Offset">Where the block starts in the segment file.</param>
/// <param name="Length">Its bytes.</param>
/// <param name="Count">Its entries (cursor and commit records are not counted).</param>
/// <param name="MinTicks">The earliest entry's UTC ticks (long.MaxValue when it has none).</param>
/// <param name="MaxTicks">The latest entry's UTC ticks (long.MinValue when it has none).</param>
/// <param name="Sources">Every source among its entries.</param>
internal readonly record struct BlockInfo(long Offset, int Length, int Count, long MinTicks, long MaxTicks, LogSource Sources)
{
    public long End => Offset + Length;

    /// <summary>True when some entry of the block may fall in [since, until) and have one of <paramref name="sources"/>.</summary>
    public bool Overlaps(long sinceTicks, long untilTicks, LogSource sources) =>
        Count > 0 && MaxTicks >= sinceTicks && MinTicks < untilTicks && (Sources & sources) != 0;
}
