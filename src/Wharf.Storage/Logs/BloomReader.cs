using Microsoft.Win32.SafeHandles;

namespace Wharf.Storage.Logs;

/// <summary>Reads a segment's Bloom filters 256 at a time (1 MiB), as a scan moves through its blocks in either direction.</summary>
internal sealed class BloomReader(SafeFileHandle file) : IDisposable
{
    private const int ChunkBlooms = 256;
    private readonly byte[] _chunk = new byte[ChunkBlooms * TrigramBloom.Bytes];
    private int _chunkStart = -1;
    private int _chunkCount;

    /// <summary>False when block <paramref name="index"/> cannot contain text with these trigrams.</summary>
    public bool MayContain(int index, uint[] trigrams)
    {
        var start = index - (index % ChunkBlooms);
        if (start != _chunkStart)
        {
            _chunkCount = SegmentRecords.ReadFully(file, _chunk, (long)start * TrigramBloom.Bytes) / TrigramBloom.Bytes;
            _chunkStart = start;
        }

        var slot = index - start;

        // A filter the file does not hold (never expected) rules nothing out.
        return slot >= _chunkCount || TrigramBloom.MayContain(_chunk.AsSpan(slot * TrigramBloom.Bytes, TrigramBloom.Bytes), trigrams);
    }

    public void Dispose() => file.Dispose();
}
