namespace Wharf.Storage.Logs;

/// <summary>
/// The bytes of a log segment. A segment is a 32-byte header, then records, each
/// <c>[u32 length][u32 CRC-32C of the rest][u8 kind]...</c>, little-endian:
/// <list type="bullet">
/// <item>entry: <c>u8 source, u16 service length, u16 process length, u16 flags, i64 UTC ticks, i32 release,
/// u32 text length</c> (32 bytes in all), then the service, process and text as UTF-8;</item>
/// <item>cursor: <c>u8 0, u16 key length, u32 value length, i64 UTC ticks of the update</c>, then key and value;</item>
/// <item>commit: 16 bytes; ends one atomic write. Recovery keeps records only up to the last commit.</item>
/// </list>
/// Text comes last in an entry, so a match found by searching raw bytes lies in the text when it starts at or after
/// the text's offset.
/// </summary>
internal static class LogFormat
{
    public const int Version = 1;
    public const int HeaderSize = 32;
    public const int EntryHeaderSize = 32;
    public const int CursorHeaderSize = 24;
    public const int CommitSize = 16;
    public const int MinRecordSize = CommitSize;
    public const int MaxNameBytes = 255;
    public const int MaxCursorKeyBytes = 1024;
    public const int MaxCursorValueBytes = 4096;

    public const byte EntryKind = 1;
    public const byte CursorKind = 2;
    public const byte CommitKind = 3;

    public const ushort HasReleaseFlag = 1;

    public const int LengthOffset = 0;
    public const int CrcOffset = 4;
    public const int KindOffset = 8;
    public const int SourceOffset = 9;
    public const int ServiceLengthOffset = 10;
    public const int ProcessLengthOffset = 12;
    public const int FlagsOffset = 14;
    public const int TicksOffset = 16;
    public const int ReleaseOffset = 24;
    public const int TextLengthOffset = 28;

    public const int CursorKeyLengthOffset = 10;
    public const int CursorValueLengthOffset = 12;
    public const int CursorTicksOffset = 16;

    /// <summary>The first bytes of every segment file: "WHARFLOG".</summary>
    public static ReadOnlySpan<byte> SegmentMagic => "WHARFLOG"u8;

    /// <summary>The first bytes of every segment index file: "WHARFIDX".</summary>
    public static ReadOnlySpan<byte> IndexMagic => "WHARFIDX"u8;
}
