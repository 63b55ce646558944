using System.Buffers.Binary;
using Wharf.Core.Logs;

namespace Wharf.Storage.Logs;

/// <summary>A view of one record in a buffer; reads its fields in place without copying.</summary>
internal readonly ref struct LogRecord
{
    private readonly ReadOnlySpan<byte> _bytes;

    private LogRecord(ReadOnlySpan<byte> bytes) => _bytes = bytes;

    public int Length => _bytes.Length;

    public byte Kind => _bytes[LogFormat.KindOffset];

    public LogSource Source => (LogSource)_bytes[LogFormat.SourceOffset];

    public long Ticks => BinaryPrimitives.ReadInt64LittleEndian(_bytes[LogFormat.TicksOffset..]);

    public int? Release => (BinaryPrimitives.ReadUInt16LittleEndian(_bytes[LogFormat.FlagsOffset..]) & LogFormat.HasReleaseFlag) != 0
        ? BinaryPrimitives.ReadInt32LittleEndian(_bytes[LogFormat.ReleaseOffset..])
        : null;

    public int ServiceLength => BinaryPrimitives.ReadUInt16LittleEndian(_bytes[LogFormat.ServiceLengthOffset..]);

    public int ProcessLength => BinaryPrimitives.ReadUInt16LittleEndian(_bytes[LogFormat.ProcessLengthOffset..]);

    /// <summary>Where the text starts, from the start of the record.</summary>
    public int TextOffset => LogFormat.EntryHeaderSize + ServiceLength + ProcessLength;

    public ReadOnlySpan<byte> Service => _bytes.Slice(LogFormat.EntryHeaderSize, ServiceLength);

    public ReadOnlySpan<byte> Process => _bytes.Slice(LogFormat.EntryHeaderSize + ServiceLength, ProcessLength);

    public ReadOnlySpan<byte> Text => _bytes[TextOffset..];

    public ReadOnlySpan<byte> CursorKey =>
        _bytes.Slice(LogFormat.CursorHeaderSize, BinaryPrimitives.ReadUInt16LittleEndian(_bytes[LogFormat.CursorKeyLengthOffset..]));

    public ReadOnlySpan<byte> CursorValue => _bytes[(LogFormat.CursorHeaderSize + CursorKey.Length)..];

    public long CursorTicks => BinaryPrimitives.ReadInt64LittleEndian(_bytes[LogFormat.CursorTicksOffset..]);

    /// <summary>
    /// The length of the record at the start of <paramref name="buffer"/> when its header is plausible and it fits in
    /// the buffer, else 0. Cheap: no checksum.
    /// </summary>
    public static int PeekLength(ReadOnlySpan<byte> buffer)
    {
        if (buffer.Length < LogFormat.MinRecordSize)
        {
            return 0;
        }

        var length = BinaryPrimitives.ReadUInt32LittleEndian(buffer);
        return length >= LogFormat.MinRecordSize && length <= (uint)buffer.Length ? (int)length : 0;
    }

    /// <summary>Reads the record at the start of <paramref name="buffer"/> without checking its checksum; false when its length or layout is impossible.</summary>
    public static bool TryReadUnchecked(ReadOnlySpan<byte> buffer, out LogRecord record)
    {
        record = default;
        var length = PeekLength(buffer);
        if (length == 0)
        {
            return false;
        }

        var candidate = new LogRecord(buffer[..length]);
        if (!candidate.HasValidLayout())
        {
            return false;
        }

        record = candidate;
        return true;
    }

    /// <summary>Reads the record at the start of <paramref name="buffer"/>; false when it is cut short, malformed or its checksum is wrong.</summary>
    public static bool TryRead(ReadOnlySpan<byte> buffer, out LogRecord record) =>
        TryReadUnchecked(buffer, out record) && record.ChecksumMatches();

    public bool ChecksumMatches() =>
        BinaryPrimitives.ReadUInt32LittleEndian(_bytes[LogFormat.CrcOffset..]) == Crc32C.Compute(_bytes[LogFormat.KindOffset..]);

    private bool HasValidLayout() => Kind switch
    {
        LogFormat.EntryKind => _bytes.Length >= LogFormat.EntryHeaderSize
            && TextOffset + BinaryPrimitives.ReadUInt32LittleEndian(_bytes[LogFormat.TextLengthOffset..]) == _bytes.Length,
        LogFormat.CursorKind => _bytes.Length >= LogFormat.CursorHeaderSize
            && LogFormat.CursorHeaderSize + BinaryPrimitives.ReadUInt16LittleEndian(_bytes[LogFormat.CursorKeyLengthOffset..])
                + (long)BinaryPrimitives.ReadUInt32LittleEndian(_bytes[LogFormat.CursorValueLengthOffset..]) == _bytes.Length,
        LogFormat.CommitKind => _bytes.Length == LogFormat.CommitSize,
        _ => false,
    };
}
