using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using System.Text.Unicode;
using Wharf.Core.Logs;

namespace Wharf.Storage.Logs;

/// <summary>Encodes records (see <see cref="LogFormat"/>) one after another into a pooled, growing buffer.</summary>
internal sealed class RecordBuffer(int maxTextBytes) : IDisposable
{
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(256 * 1024);

    public int Length { get; private set; }

    public ReadOnlySpan<byte> Written => _buffer.AsSpan(0, Length);

    public ReadOnlySpan<byte> RecordAt(int start) => _buffer.AsSpan(start, BinaryPrimitives.ReadInt32LittleEndian(_buffer.AsSpan(start)));

    public void Clear() => Length = 0;

    /// <summary>Gives a buffer grown by one large group commit back to the pool, so an idle log holds little memory.</summary>
    public void Trim()
    {
        if (_buffer.Length > 1024 * 1024)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = ArrayPool<byte>.Shared.Rent(256 * 1024);
        }

        Length = 0;
    }

    /// <summary>Appends an entry (its app is the log's, so not stored) and returns where it starts.</summary>
    public int AppendEntry(LogEntry entry)
    {
        var service = entry.Service ?? "";
        var process = entry.ProcessId ?? "";
        var textBound = (int)Math.Min((long)Encoding.UTF8.GetMaxByteCount(entry.Text.Length), maxTextBytes);
        var start = Reserve(LogFormat.EntryHeaderSize + (2 * LogFormat.MaxNameBytes) + textBound);
        var record = _buffer.AsSpan(start);
        var serviceLength = Encoding.UTF8.GetBytes(service, record[LogFormat.EntryHeaderSize..]);
        var processLength = Encoding.UTF8.GetBytes(process, record[(LogFormat.EntryHeaderSize + serviceLength)..]);
        var textStart = LogFormat.EntryHeaderSize + serviceLength + processLength;

        // A line past the limit is cut at a character boundary (FromUtf16 stops before a character that does not fit).
        Utf8.FromUtf16(entry.Text, record.Slice(textStart, textBound), out _, out var textLength, replaceInvalidSequences: true);
        var length = textStart + textLength;

        record[LogFormat.KindOffset] = LogFormat.EntryKind;
        record[LogFormat.SourceOffset] = (byte)entry.Source;
        BinaryPrimitives.WriteUInt16LittleEndian(record[LogFormat.ServiceLengthOffset..], (ushort)serviceLength);
        BinaryPrimitives.WriteUInt16LittleEndian(record[LogFormat.ProcessLengthOffset..], (ushort)processLength);
        BinaryPrimitives.WriteUInt16LittleEndian(record[LogFormat.FlagsOffset..], entry.Release is null ? (ushort)0 : LogFormat.HasReleaseFlag);
        BinaryPrimitives.WriteInt64LittleEndian(record[LogFormat.TicksOffset..], entry.Time.UtcTicks);
        BinaryPrimitives.WriteInt32LittleEndian(record[LogFormat.ReleaseOffset..], entry.Release ?? 0);
        BinaryPrimitives.WriteUInt32LittleEndian(record[LogFormat.TextLengthOffset..], (uint)textLength);
        return Seal(start, length);
    }

    public int AppendCursor(string key, string value, long updatedTicks)
    {
        var start = Reserve(LogFormat.CursorHeaderSize + Encoding.UTF8.GetMaxByteCount(key.Length + value.Length));
        var record = _buffer.AsSpan(start);
        var keyLength = Encoding.UTF8.GetBytes(key, record[LogFormat.CursorHeaderSize..]);
        var valueLength = Encoding.UTF8.GetBytes(value, record[(LogFormat.CursorHeaderSize + keyLength)..]);
        record[LogFormat.KindOffset..LogFormat.CursorHeaderSize].Clear();
        record[LogFormat.KindOffset] = LogFormat.CursorKind;
        BinaryPrimitives.WriteUInt16LittleEndian(record[LogFormat.CursorKeyLengthOffset..], (ushort)keyLength);
        BinaryPrimitives.WriteUInt32LittleEndian(record[LogFormat.CursorValueLengthOffset..], (uint)valueLength);
        BinaryPrimitives.WriteInt64LittleEndian(record[LogFormat.CursorTicksOffset..], updatedTicks);
        return Seal(start, LogFormat.CursorHeaderSize + keyLength + valueLength);
    }

    public int AppendCommit()
    {
        var start = Reserve(LogFormat.CommitSize);
        var record = _buffer.AsSpan(start, LogFormat.CommitSize);
        record.Clear();
        record[LogFormat.KindOffset] = LogFormat.CommitKind;
        return Seal(start, LogFormat.CommitSize);
    }

    public void Dispose()
    {
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
        }
    }

    private int Reserve(int bytes)
    {
        if (Length + bytes > _buffer.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, Length + bytes));
            _buffer.AsSpan(0, Length).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }

        return Length;
    }

    private int Seal(int start, int length)
    {
        var record = _buffer.AsSpan(start, length);
        BinaryPrimitives.WriteUInt32LittleEndian(record, (uint)length);
        BinaryPrimitives.WriteUInt32LittleEndian(record[LogFormat.CrcOffset..], Crc32C.Compute(record[LogFormat.KindOffset..]));
        Length = start + length;
        return start;
    }
}
