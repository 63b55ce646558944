namespace Wharf.Storage.Logs;

/// <summary>A block a query must consider: a closed block of a segment (with its index) or a segment's open block (index -1).</summary>
internal readonly record struct BlockRef(SegmentView Segment, int Index, BlockInfo Block);
