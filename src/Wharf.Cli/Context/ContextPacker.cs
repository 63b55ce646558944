using System.Formats.Tar;
using System.Security.Cryptography;

namespace Wharf.Cli.Context;

/// <summary>
/// Packs an app directory into a tar the same way every time: entries in ordinal path order, one fixed
/// modification time, owner 0:0 with no names, modes kept. So an unchanged tree gives the same bytes and the
/// same digest, which is what lets the server reuse a build.
/// </summary>
internal static class ContextPacker
{
    /// <summary>Unix epoch + 1 day: some tools treat a zero time as "unknown".</summary>
    public static readonly DateTimeOffset FixedTime = DateTimeOffset.UnixEpoch.AddDays(1);

    /// <summary>Packs <paramref name="directory"/> into a new temporary file and measures it.</summary>
    /// <remarks>
    /// Synchronous on purpose: a deploy packs a few files on its way to the server, and the async file and tar paths
    /// cost a fresh CLI process more in start-up (code compiled on first use) than the I/O they overlap.
    /// </remarks>
    public static PackedContext PackToFile(string directory, DockerIgnore ignore, CancellationToken ct)
    {
        var path = Path.Combine(Path.GetTempPath(), $"wharf-context-{Guid.NewGuid():N}.tar");
        try
        {
            int files;
            using (var output = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920))
            {
                files = Pack(directory, ignore, output, ct);
            }

            using var input = File.OpenRead(path);
            var hash = SHA256.HashData(input);
            return new PackedContext(path, input.Length, "sha256:" + Convert.ToHexStringLower(hash), files);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    /// <summary>Writes the tar to <paramref name="output"/>; returns the number of files in it.</summary>
    public static int Pack(string directory, DockerIgnore ignore, Stream output, CancellationToken ct)
    {
        using var writer = new TarWriter(output, TarEntryFormat.Gnu, leaveOpen: true);
        return Walk(writer, directory, "", ignore, ct);
    }

    private static int Walk(TarWriter writer, string root, string relative, DockerIgnore ignore, CancellationToken ct)
    {
        var files = 0;
        var directory = new DirectoryInfo(relative.Length == 0 ? root : Path.Combine(root, relative));
        foreach (var entry in directory.EnumerateFileSystemInfos().OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            ct.ThrowIfCancellationRequested();
            var path = relative.Length == 0 ? entry.Name : $"{relative}/{entry.Name}";
            var excluded = ignore.IsExcluded(path);
            if (entry is DirectoryInfo && entry.LinkTarget is null)
            {
                if (!excluded)
                {
                    writer.WriteEntry(Entry(TarEntryType.Directory, path + "/", entry));
                }

                if (!excluded || ignore.MayReincludeBelow(path))
                {
                    files += Walk(writer, root, path, ignore, ct);
                }
            }
            else if (!excluded && entry.LinkTarget is { } target)
            {
                var link = Entry(TarEntryType.SymbolicLink, path, entry);
                link.LinkName = target;
                writer.WriteEntry(link);
                files++;
            }
            else if (!excluded && entry is FileInfo file)
            {
                files += WriteFile(writer, path, file);
            }
        }

        return files;
    }

    private static int WriteFile(TarWriter writer, string path, FileInfo file)
    {
        var entry = Entry(TarEntryType.RegularFile, path, file);

        // .NET cannot tell a FIFO or a socket from a file, and opening a FIFO blocks: those report length 0,
        // so an empty file is written without being opened (an empty file in the context either way).
        if (file.Length == 0)
        {
            writer.WriteEntry(entry);
            return 1;
        }

        using var data = new FileStream(file.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 81920);
        entry.DataStream = data;
        writer.WriteEntry(entry);
        return 1;
    }

    /// <remarks>
    /// GNU format, not PAX: .NET names each PAX extended header after the writing process's id, so PAX output
    /// differs from run to run. GNU long-name entries carry no such thing, and every time field is set here.
    /// </remarks>
    private static GnuTarEntry Entry(TarEntryType type, string path, FileSystemInfo source)
    {
        var entry = new GnuTarEntry(type, path)
        {
            ModificationTime = FixedTime,
            AccessTime = FixedTime,
            ChangeTime = FixedTime,
            Uid = 0,
            Gid = 0,
            UserName = "",
            GroupName = "",
        };
        if (!OperatingSystem.IsWindows())
        {
            entry.Mode = source.UnixFileMode;
        }

        return entry;
    }
}
