using Wharf.Core.Logs;

namespace Wharf.Storage.Logs;

/// <summary>
/// Gathers the index entry and Bloom filter of the block being written. The writer and recovery feed it the same
/// records in the same order, so both cut blocks at the same places: after the first record that brings the block
/// to <c>targetBytes</c>.
/// </summary>
internal sealed class BlockBuilder(int targetBytes)
{
    private readonly byte[] _bloom = new byte[TrigramBloom.Bytes];

    public long Start { get; private set; }

    public int Length { get; private set; }

    public int Count { get; private set; }

    public long MinTicks { get; private set; } = long.MaxValue;

    public long MaxTicks { get; private set; } = long.MinValue;

    public LogSource Sources { get; private set; }

    public ReadOnlySpan<byte> Bloom => _bloom;

    public bool IsFull => Length >= targetBytes;

    public void Reset(long start)
    {
        Start = start;
        Length = 0;
        Count = 0;
        MinTicks = long.MaxValue;
        MaxTicks = long.MinValue;
        Sources = 0;
        Array.Clear(_bloom);
    }

    public void Add(LogRecord record)
    {
        Length += record.Length;
        if (record.Kind != LogFormat.EntryKind)
        {
            return;
        }

        Count++;
        var ticks = record.Ticks;
        MinTicks = Math.Min(MinTicks, ticks);
        MaxTicks = Math.Max(MaxTicks, ticks);
        Sources |= record.Source;
        TrigramBloom.AddText(_bloom, record.Text);
    }

    public BlockInfo ToInfo() => new(Start, Length, Count, MinTicks, MaxTicks, Sources);
}
