using System.Buffers;
using Microsoft.Win32.SafeHandles;

namespace Wharf.Storage.Logs;

/// <summary>
/// The blocks of a view that a query must look at (time range and sources from the index, then the filter text's
/// trigrams against each block's Bloom filter), read in large runs of adjacent blocks and scanned.
/// </summary>
internal sealed class LogScan
{
    /// <summary>Adjacent candidate blocks are read together up to this much: few system calls, a buffer that stays in cache.</summary>
    private const int RunBytes = 4 * 1024 * 1024;

    private readonly LogFilter _filter;
    private readonly EntryDecoder _decoder;
    private readonly List<BlockRef> _refs = [];
    private readonly long[] _suffixMin;
    private readonly long[] _prefixMax;

    public LogScan(LogView view, LogFilter filter, EntryDecoder decoder)
    {
        _filter = filter;
        _decoder = decoder;
        foreach (var segment in view.Segments)
        {
            var blocks = segment.Blocks;
            for (var i = 0; i < blocks.Length; i++)
            {
                if (filter.Overlaps(blocks[i]))
                {
                    _refs.Add(new BlockRef(segment, i, blocks[i]));
                }
            }

            if (segment.Open.Length > 0 && filter.Overlaps(segment.Open))
            {
                _refs.Add(new BlockRef(segment, -1, segment.Open));
            }
        }

        _suffixMin = new long[_refs.Count];
        _prefixMax = new long[_refs.Count];
        for (var i = _refs.Count - 1; i >= 0; i--)
        {
            _suffixMin[i] = Math.Min(_refs[i].Block.MinTicks, i + 1 < _refs.Count ? _suffixMin[i + 1] : long.MaxValue);
        }

        for (var i = 0; i < _refs.Count; i++)
        {
            _prefixMax[i] = Math.Max(_refs[i].Block.MaxTicks, i > 0 ? _prefixMax[i - 1] : long.MinValue);
        }
    }

    /// <summary>No entry of the blocks from <paramref name="index"/> on is earlier than this.</summary>
    public long MinTicksFrom(int index) => index < _refs.Count ? _suffixMin[index] : long.MaxValue;

    /// <summary>No entry of the blocks before <paramref name="index"/> is later than this.</summary>
    public long MaxTicksBefore(int index) => index > 0 ? _prefixMax[index - 1] : long.MinValue;

    /// <summary>
    /// The matches, a run of blocks at a time in file order, each with the index of the first block not yet read.
    /// The list is reused: consume it before moving on.
    /// </summary>
    public IEnumerable<(List<FoundEntry> Found, int Next)> Forward()
    {
        var found = new List<FoundEntry>();
        var i = 0;
        while (i < _refs.Count)
        {
            var segment = _refs[i].Segment;
            var end = i;
            while (end < _refs.Count && _refs[end].Segment == segment)
            {
                end++;
            }

            using var files = SegmentHandles.TryOpen(segment, _filter.UsesBloom);
            var j = i;
            while (files is not null && j < end)
            {
                if (!MayMatch(_refs[j], files.Bloom))
                {
                    j++;
                    continue;
                }

                var first = j;
                var runEnd = _refs[j++].Block.End;
                while (j < end
                    && _refs[j].Block.Offset == runEnd
                    && _refs[j].Block.End - _refs[first].Block.Offset <= RunBytes
                    && MayMatch(_refs[j], files.Bloom))
                {
                    runEnd = _refs[j++].Block.End;
                }

                ScanRun(files.Log, first, j, found);
                yield return (found, j);
                found.Clear();
            }

            i = end;
        }
    }

    /// <summary>The matches a block at a time, newest block first, each with the block's index. The list is reused.</summary>
    public IEnumerable<(List<FoundEntry> Found, int Index)> Backward()
    {
        var found = new List<FoundEntry>();
        SegmentHandles? files = null;
        SegmentView? segment = null;
        try
        {
            for (var i = _refs.Count - 1; i >= 0; i--)
            {
                if (_refs[i].Segment != segment)
                {
                    files?.Dispose();
                    segment = _refs[i].Segment;
                    files = SegmentHandles.TryOpen(segment, _filter.UsesBloom);
                }

                if (files is null || !MayMatch(_refs[i], files.Bloom))
                {
                    continue;
                }

                ScanRun(files.Log, i, i + 1, found);
                yield return (found, i);
                found.Clear();
            }
        }
        finally
        {
            files?.Dispose();
        }
    }

    private bool MayMatch(BlockRef block, BloomReader? bloom) =>
        block.Index < 0 || bloom is null || bloom.MayContain(block.Index, _filter.Matcher!.Trigrams);

    /// <summary>Reads blocks [first, end) (adjacent in one file) in one read and scans each.</summary>
    private void ScanRun(SafeFileHandle log, int first, int end, List<FoundEntry> found)
    {
        var offset = _refs[first].Block.Offset;
        var length = (int)(_refs[end - 1].Block.End - offset);
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var read = SegmentRecords.ReadFully(log, buffer.AsSpan(0, length), offset);
            for (var k = first; k < end; k++)
            {
                var block = _refs[k].Block;
                var at = (int)(block.Offset - offset);

                // A block the file does not hold in full (never expected) is skipped; damage inside one ends its scan.
                if (at + block.Length <= read)
                {
                    BlockScanner.Scan(buffer.AsSpan(at, block.Length), _refs[k].Segment.Id, block.Offset, _filter, _decoder, found);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
