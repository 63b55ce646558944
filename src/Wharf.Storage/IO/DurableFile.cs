namespace Wharf.Storage.IO;

/// <summary>
/// Writes files so that, once a call returns, a crash leaves either the whole old file or the whole new one:
/// write a temporary file in the same directory, fsync it, rename it over the target, fsync the directory.
/// </summary>
public static class DurableFile
{
    /// <summary>Temporary files start with this; blob keys may not have a segment starting with '.', so they never collide.</summary>
    public const string TempPrefix = ".tmp-";

    public static async Task WriteAtomicAsync(string path, Stream content, UnixFileMode? mode, bool overwrite, CancellationToken ct)
    {
        var directory = EnsureDirectory(Path.GetDirectoryName(path)!, null);
        var temp = Path.Combine(directory, TempPrefix + Guid.NewGuid().ToString("N"));
        try
        {
            await using (var file = new FileStream(temp, TempFileOptions(mode, FileOptions.Asynchronous)))
            {
                await content.CopyToAsync(file, ct);
                file.Flush(flushToDisk: true);
            }

            Commit(temp, path, directory, overwrite);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    public static void WriteAtomic(string path, ReadOnlySpan<byte> content, UnixFileMode? mode, bool overwrite)
    {
        var directory = EnsureDirectory(Path.GetDirectoryName(path)!, null);
        var temp = Path.Combine(directory, TempPrefix + Guid.NewGuid().ToString("N"));
        try
        {
            using (var file = new FileStream(temp, TempFileOptions(mode, FileOptions.None)))
            {
                file.Write(content);
                file.Flush(flushToDisk: true);
            }

            Commit(temp, path, directory, overwrite);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    /// <summary>Creates the directory and any missing parents, making each new entry durable.</summary>
    public static string EnsureDirectory(string directory, UnixFileMode? mode)
    {
        directory = Path.GetFullPath(directory);
        if (Directory.Exists(directory))
        {
            return directory;
        }

        var parent = Path.GetDirectoryName(directory);
        if (parent is not null)
        {
            EnsureDirectory(parent, mode);
        }

        if (mode is { } unixMode && !OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory, unixMode);
        }
        else
        {
            Directory.CreateDirectory(directory);
        }

        if (parent is not null)
        {
            FsyncDirectory(parent);
        }

        return directory;
    }

    public static void FsyncDirectory(string directory)
    {
        // Windows makes renames durable with the file; there is no directory handle to flush.
        if (!OperatingSystem.IsWindows())
        {
            Libc.FsyncDirectory(directory);
        }
    }

    private static void Commit(string temp, string path, string directory, bool overwrite)
    {
        if (overwrite || OperatingSystem.IsWindows())
        {
            File.Move(temp, path, overwrite);
        }
        else if (Libc.TryLinkNew(temp, path))
        {
            // link(2) is the atomic "create only if absent": of two racing creators exactly one succeeds.
            File.Delete(temp);
        }
        else
        {
            throw new IOException($"The file '{path}' already exists.");
        }

        FsyncDirectory(directory);
    }

    private static FileStreamOptions TempFileOptions(UnixFileMode? mode, FileOptions options)
    {
        var result = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            Share = FileShare.None,
            Options = options,
        };
        if (mode is { } unixMode && !OperatingSystem.IsWindows())
        {
            result.UnixCreateMode = unixMode;
        }

        return result;
    }
}
