using System.Formats.Tar;
using System.Text;

namespace Wharf.Server.Tests.Deployments;

/// <summary>Packs an app directory as `wharf deploy` uploads it: sorted entries, times zeroed (the same tree gives the same bytes).</summary>
public static class SourceTar
{
    /// <param name="replace">Files to add or to use instead of the directory's (relative path → content).</param>
    public static byte[] Pack(string directory, IReadOnlyDictionary<string, string>? replace = null)
    {
        var files = Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(directory, f).Replace('\\', '/'), File.ReadAllText, StringComparer.Ordinal);
        foreach (var (path, content) in replace ?? new Dictionary<string, string>())
        {
            files[path] = content;
        }

        using var stream = new MemoryStream();
        using (var writer = new TarWriter(stream, TarEntryFormat.Ustar, leaveOpen: true))
        {
            foreach (var (path, content) in files.OrderBy(f => f.Key, StringComparer.Ordinal))
            {
                writer.WriteEntry(new UstarTarEntry(TarEntryType.RegularFile, path)
                {
                    DataStream = new MemoryStream(Encoding.UTF8.GetBytes(content)),
                    ModificationTime = DateTimeOffset.UnixEpoch,
                    Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead,
                });
            }
        }

        return stream.ToArray();
    }

    /// <summary>The repository's examples/NAME directory.</summary>
    public static string Example(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Wharf.slnx")))
            {
                return Path.Combine(dir.FullName, "examples", name);
            }
        }

        throw new InvalidOperationException($"No Wharf.slnx above {AppContext.BaseDirectory}: run the tests from the repository.");
    }
}
