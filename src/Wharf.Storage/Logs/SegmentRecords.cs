using System.Buffers;
using System.Buffers.Binary;
using Microsoft.Win32.SafeHandles;

namespace Wharf.Storage.Logs;

/// <summary>Called for each record in turn; returns false to stop.</summary>
internal delegate bool RecordVisitor(LogRecord record, long offset);

/// <summary>Walks the records of a region of a segment file, reading it in large chunks.</summary>
internal static class SegmentRecords
{
    /// <summary>No record is larger: the longest line, two names and a header, with room to spare.</summary>
    public const int MaxRecordBytes = (1024 * 1024) + (64 * 1024);

    private const int ChunkBytes = 4 * 1024 * 1024;

    /// <summary>
    /// Visits the records in [<paramref name="start"/>, <paramref name="end"/>) until one is cut short or damaged
    /// (checked by checksum when <paramref name="verify"/>) or the visitor stops; returns the offset after the last
    /// record visited.
    /// </summary>
    public static long ForEach(SafeFileHandle file, long start, long end, bool verify, RecordVisitor visit)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        try
        {
            var offset = start;
            while (offset < end)
            {
                var read = ReadFully(file, buffer.AsSpan(0, (int)Math.Min(buffer.Length, end - offset)), offset);
                var chunk = buffer.AsSpan(0, read);
                var chunkIsCut = offset + read < end;
                var pos = 0;
                while (pos < chunk.Length)
                {
                    var remaining = chunk.Length - pos;
                    var length = remaining >= 4 ? BinaryPrimitives.ReadUInt32LittleEndian(chunk[pos..]) : 0u;
                    if (remaining < LogFormat.MinRecordSize || length > remaining)
                    {
                        if (chunkIsCut && pos > 0 && (remaining < 4 || length <= MaxRecordBytes))
                        {
                            break;
                        }

                        return offset + pos;
                    }

                    var ok = verify
                        ? LogRecord.TryRead(chunk.Slice(pos, (int)length), out var record)
                        : LogRecord.TryReadUnchecked(chunk.Slice(pos, (int)length), out record);
                    if (!ok || !visit(record, offset + pos))
                    {
                        return offset + pos;
                    }

                    pos += (int)length;
                }

                if (read == 0)
                {
                    return offset;
                }

                offset += pos;
            }

            return offset;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Reads until <paramref name="buffer"/> is full or the file ends; returns the bytes read.</summary>
    public static int ReadFully(SafeFileHandle file, Span<byte> buffer, long offset)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var read = RandomAccess.Read(file, buffer[total..], offset + total);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return total;
    }
}
