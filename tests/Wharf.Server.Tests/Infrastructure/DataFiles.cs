namespace Wharf.Server.Tests.Infrastructure;

/// <summary>The files of a server's data directory that a test can read while the server runs, for secret scans.</summary>
public static class DataFiles
{
    /// <summary>
    /// Every file under <paramref name="directory"/> with its bytes, but the log store's lock file (empty, and held
    /// exclusively while the server runs) and files that vanished between listing and reading (SQLite's -shm, whose
    /// content is in state.db, which is read too).
    /// </summary>
    public static IEnumerable<(string Path, byte[] Bytes)> Read(string directory)
    {
        foreach (var file in Directory.GetFiles(directory, "*", SearchOption.AllDirectories))
        {
            if (Path.GetFileName(file) == ".lock")
            {
                continue;
            }

            if (ReadIfStillThere(file) is { } bytes)
            {
                yield return (file, bytes);
            }
        }
    }

    /// <summary>The file's bytes, shared with whoever writes it; null when it vanished since it was listed.</summary>
    private static byte[]? ReadIfStillThere(string file)
    {
        try
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }
}
