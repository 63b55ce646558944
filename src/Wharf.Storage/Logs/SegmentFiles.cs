using System.Buffers.Binary;
using System.Globalization;
using Microsoft.Win32.SafeHandles;
using Wharf.Storage.IO;

namespace Wharf.Storage.Logs;

/// <summary>
/// The files of segment N of a log directory: N.log (the records), N.blm (one Bloom filter per block) and, once the
/// segment is full and closed, N.idx (its block index). N is zero-padded so names sort in order.
/// </summary>
internal sealed class SegmentFiles(string directory, long id)
{
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    public const UnixFileMode DirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const string LogExtension = ".log";

    public long Id { get; } = id;

    public string Directory { get; } = directory;

    public string LogPath => Path.Combine(Directory, Name + LogExtension);

    public string BloomPath => Path.Combine(Directory, Name + ".blm");

    public string IndexPath => Path.Combine(Directory, Name + ".idx");

    private string Name => Id.ToString("D16", CultureInfo.InvariantCulture);

    /// <summary>The segments in <paramref name="directory"/>, oldest first.</summary>
    public static List<SegmentFiles> List(string directory) =>
        [.. System.IO.Directory.EnumerateFiles(directory, "*" + LogExtension)
            .Select(path => Path.GetFileNameWithoutExtension(path))
            .Where(name => name.Length == 16 && name.All(char.IsAsciiDigit))
            .Select(name => long.Parse(name, CultureInfo.InvariantCulture))
            .Order()
            .Select(id => new SegmentFiles(directory, id))];

    /// <summary>The 32-byte header every segment starts with.</summary>
    public static byte[] Header(long id, long createdTicks)
    {
        var header = new byte[LogFormat.HeaderSize];
        LogFormat.SegmentMagic.CopyTo(header);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(8), LogFormat.Version);
        BinaryPrimitives.WriteInt64LittleEndian(header.AsSpan(16), id);
        BinaryPrimitives.WriteInt64LittleEndian(header.AsSpan(24), createdTicks);
        return header;
    }

    /// <summary>Null when the segment starts with a valid header for this id, else what is wrong with it.</summary>
    public string? HeaderProblem(SafeFileHandle log)
    {
        Span<byte> header = stackalloc byte[LogFormat.HeaderSize];
        if (RandomAccess.Read(log, header, 0) < LogFormat.HeaderSize)
        {
            return "it is shorter than a segment header";
        }

        if (!header[..8].SequenceEqual(LogFormat.SegmentMagic))
        {
            return "it does not start with a Wharf log header";
        }

        var version = BinaryPrimitives.ReadInt32LittleEndian(header[8..]);
        if (version != LogFormat.Version)
        {
            return $"it is format version {version}, and this Wharf reads version {LogFormat.Version}";
        }

        return BinaryPrimitives.ReadInt64LittleEndian(header[16..]) == Id ? null : "its header names another segment";
    }

    public SafeFileHandle OpenLog(FileAccess access) => Open(LogPath, System.IO.FileMode.Open, access);

    /// <summary>
    /// Opens the Bloom file for writing. Never truncated: filters are written again in place, unchanged for blocks
    /// that did not change, so a reader of an older view never reads a filter that is momentarily gone.
    /// </summary>
    public SafeFileHandle OpenBloomForWriting() => Open(BloomPath, System.IO.FileMode.OpenOrCreate, FileAccess.ReadWrite);

    public SafeFileHandle OpenBloom() => Open(BloomPath, System.IO.FileMode.Open, FileAccess.Read);

    /// <summary>Deletes the segment's files; the directory entry removal is made durable by the caller.</summary>
    public long Delete()
    {
        long freed = 0;
        foreach (var path in new[] { IndexPath, BloomPath, LogPath })
        {
            var info = new FileInfo(path);
            if (info.Exists)
            {
                freed += info.Length;
                info.Delete();
            }
        }

        return freed;
    }

    public void DeleteIndex()
    {
        File.Delete(IndexPath);
        DurableFile.FsyncDirectory(Directory);
    }

    private static SafeFileHandle Open(string path, System.IO.FileMode mode, FileAccess access)
    {
        // Readers keep reading a segment that retention deletes or the writer extends.
        var handle = File.OpenHandle(path, mode, access, FileShare.ReadWrite | FileShare.Delete);
        if (access != FileAccess.Read && !OperatingSystem.IsWindows())
        {
            // The directory is already owner-only; this keeps each file so too when it is copied elsewhere.
            File.SetUnixFileMode(handle, FileMode);
        }

        return handle;
    }
}
