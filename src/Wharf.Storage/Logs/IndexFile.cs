using System.Buffers.Binary;
using Wharf.Core.Logs;
using Wharf.Storage.IO;

namespace Wharf.Storage.Logs;

/// <summary>
/// The block index of a closed segment (N.idx): a 48-byte header (magic, version, Bloom size, segment id, segment
/// length, block count), 40 bytes per block, and a CRC-32C of all of it. Written once, atomically, when the
/// segment is closed; its presence says the segment is complete.
/// </summary>
internal static class IndexFile
{
    private const int HeaderSize = 48;
    private const int EntrySize = 40;

    /// <summary>The size of the index file of a segment with this many blocks.</summary>
    public static long Size(int blocks) => HeaderSize + ((long)blocks * EntrySize) + 4;

    public static void Write(SegmentFiles files, long segmentLength, ReadOnlySpan<BlockInfo> blocks)
    {
        var bytes = new byte[HeaderSize + (blocks.Length * EntrySize) + 4];
        var span = bytes.AsSpan();
        LogFormat.IndexMagic.CopyTo(span);
        BinaryPrimitives.WriteInt32LittleEndian(span[8..], LogFormat.Version);
        BinaryPrimitives.WriteInt32LittleEndian(span[12..], TrigramBloom.Bytes);
        BinaryPrimitives.WriteInt64LittleEndian(span[16..], files.Id);
        BinaryPrimitives.WriteInt64LittleEndian(span[24..], segmentLength);
        BinaryPrimitives.WriteInt32LittleEndian(span[32..], blocks.Length);
        for (var i = 0; i < blocks.Length; i++)
        {
            var entry = span.Slice(HeaderSize + (i * EntrySize), EntrySize);
            var block = blocks[i];
            BinaryPrimitives.WriteInt64LittleEndian(entry, block.Offset);
            BinaryPrimitives.WriteInt32LittleEndian(entry[8..], block.Length);
            BinaryPrimitives.WriteInt32LittleEndian(entry[12..], block.Count);
            BinaryPrimitives.WriteInt64LittleEndian(entry[16..], block.MinTicks);
            BinaryPrimitives.WriteInt64LittleEndian(entry[24..], block.MaxTicks);
            entry[32] = (byte)block.Sources;
        }

        BinaryPrimitives.WriteUInt32LittleEndian(span[^4..], Crc32C.Compute(span[..^4]));
        DurableFile.WriteAtomic(files.IndexPath, bytes, SegmentFiles.FileMode, overwrite: true);
    }

    /// <summary>The segment's length and blocks, or null when the index is missing, damaged or does not fit its files.</summary>
    public static (long Length, BlockInfo[] Blocks)? TryRead(SegmentFiles files)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(files.IndexPath);
        }
        catch (FileNotFoundException)
        {
            return null;
        }

        var span = bytes.AsSpan();
        if (span.Length < HeaderSize + 4
            || !span[..8].SequenceEqual(LogFormat.IndexMagic)
            || BinaryPrimitives.ReadUInt32LittleEndian(span[^4..]) != Crc32C.Compute(span[..^4])
            || BinaryPrimitives.ReadInt32LittleEndian(span[8..]) != LogFormat.Version
            || BinaryPrimitives.ReadInt32LittleEndian(span[12..]) != TrigramBloom.Bytes
            || BinaryPrimitives.ReadInt64LittleEndian(span[16..]) != files.Id)
        {
            return null;
        }

        var length = BinaryPrimitives.ReadInt64LittleEndian(span[24..]);
        var count = BinaryPrimitives.ReadInt32LittleEndian(span[32..]);
        if (count < 0 || span.Length != HeaderSize + ((long)count * EntrySize) + 4)
        {
            return null;
        }

        var blocks = new BlockInfo[count];
        for (var i = 0; i < count; i++)
        {
            var entry = span.Slice(HeaderSize + (i * EntrySize), EntrySize);
            blocks[i] = new BlockInfo(
                BinaryPrimitives.ReadInt64LittleEndian(entry),
                BinaryPrimitives.ReadInt32LittleEndian(entry[8..]),
                BinaryPrimitives.ReadInt32LittleEndian(entry[12..]),
                BinaryPrimitives.ReadInt64LittleEndian(entry[16..]),
                BinaryPrimitives.ReadInt64LittleEndian(entry[24..]),
                (LogSource)entry[32]);
        }

        // The files the index describes must hold what it says: the records up to its length, a filter per block.
        var logLength = new FileInfo(files.LogPath) is { Exists: true } log ? log.Length : -1;
        var bloomLength = new FileInfo(files.BloomPath) is { Exists: true } bloom ? bloom.Length : -1;
        return logLength >= length && bloomLength >= (long)count * TrigramBloom.Bytes ? (length, blocks) : null;
    }
}
