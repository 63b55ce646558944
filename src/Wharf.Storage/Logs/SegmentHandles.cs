using Microsoft.Win32.SafeHandles;

namespace Wharf.Storage.Logs;

/// <summary>A reader's open files of one segment: the records, and the Bloom filters when the query uses them.</summary>
internal sealed class SegmentHandles(SafeFileHandle log, BloomReader? bloom) : IDisposable
{
    public SafeFileHandle Log { get; } = log;

    public BloomReader? Bloom { get; } = bloom;

    /// <summary>Opens the segment's files, or returns null when retention has deleted it since the view was taken.</summary>
    public static SegmentHandles? TryOpen(SegmentView segment, bool withBloom)
    {
        SafeFileHandle? log = null;
        try
        {
            log = segment.Files.OpenLog(FileAccess.Read);
            var bloom = withBloom && segment.Blocks.Length > 0 ? new BloomReader(segment.Files.OpenBloom()) : null;
            return new SegmentHandles(log, bloom);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            log?.Dispose();
            return null;
        }
    }

    public void Dispose()
    {
        Log.Dispose();
        Bloom?.Dispose();
    }
}
