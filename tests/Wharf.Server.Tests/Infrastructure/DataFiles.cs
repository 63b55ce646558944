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

            byte[] bytes;
            try
            {
                bytes = File.ReadAllBytes(file);
            }
            catch (FileNotFoundException)
            {
                continue;
            }

            yield return (file, bytes);
        }
    }
}
