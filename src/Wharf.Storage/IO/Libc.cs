using System.Runtime.InteropServices;

namespace Wharf.Storage.IO;

/// <summary>
/// The libc calls .NET lacks: it cannot open a directory as a file, so it cannot fsync one, and its
/// File.Move without overwrite checks then renames, which lets a racing creator be clobbered.
/// </summary>
internal static partial class Libc
{
    private const int ReadOnly = 0;
    private const int LinuxCloseOnExec = 0x80000;
    private const int FileExists = 17;

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int Fsync(int fd);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);

    [LibraryImport("libc", EntryPoint = "link", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Link(string existingPath, string newPath);

    /// <summary>Gives <paramref name="source"/> a second name, failing (never replacing) when that name is taken.</summary>
    /// <returns>False when <paramref name="destination"/> already exists.</returns>
    public static bool TryLinkNew(string source, string destination)
    {
        if (Link(source, destination) == 0)
        {
            return true;
        }

        var errno = Marshal.GetLastPInvokeError();
        return errno == FileExists
            ? false
            : throw new IOException($"Could not link '{source}' to '{destination}' (errno {errno}).");
    }

    /// <summary>Flushes a directory's entries (a rename or a new file in it) to disk.</summary>
    public static void FsyncDirectory(string directory)
    {
        // Close-on-exec: the descriptor must not leak into a child process (a build, a docker CLI) started meanwhile.
        var fd = Open(directory, ReadOnly | (OperatingSystem.IsLinux() ? LinuxCloseOnExec : 0));
        if (fd < 0)
        {
            throw new IOException($"Could not open directory '{directory}' to flush it to disk (errno {Marshal.GetLastPInvokeError()}).");
        }

        try
        {
            if (Fsync(fd) != 0)
            {
                throw new IOException($"Could not flush directory '{directory}' to disk (errno {Marshal.GetLastPInvokeError()}).");
            }
        }
        finally
        {
            _ = Close(fd);
        }
    }
}
