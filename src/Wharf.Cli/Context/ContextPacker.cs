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
    public static async Task<PackedContext> PackToFileAsync(string directory, DockerIgnore ignore, CancellationToken ct)
    {
        var path = Path.Combine(Path.GetTempPath(), $"wharf-context-{Guid.NewGuid():N}.tar");
        try
        {
            int files;
            await using (var output = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, useAsync: true))
            {
                files = await PackAsync(directory, ignore, output, ct);
            }

            await using var input = File.OpenRead(path);
            var hash = await SHA256.HashDataAsync(input, ct);
            return new PackedContext(path, input.Length, "sha256:" + Convert.ToHexStringLower(hash), files);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    /// <summary>Writes the tar to <paramref name="output"/>; returns the number of files in it.</summary>
    public static async Task<int> PackAsync(string directory, DockerIgnore ignore, Stream output, CancellationToken ct)
    {
        var writer = new TarWriter(output, TarEntryFormat.Gnu, leaveOpen: true);
        await using (writer)
        {
            return await WalkAsync(writer, directory, "", ignore, ct);
        }
    }

    private static async Task<int> WalkAsync(TarWriter writer, string root, string relative, DockerIgnore ignore, CancellationToken ct)
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
                    await writer.WriteEntryAsync(Entry(TarEntryType.Directory, path + "/", entry), ct);
                }

                if (!excluded || ignore.MayReincludeBelow(path))
                {
                    files += await WalkAsync(writer, root, path, ignore, ct);
                }
            }
            else if (!excluded && entry.LinkTarget is { } target)
            {
                var link = Entry(TarEntryType.SymbolicLink, path, entry);
                link.LinkName = target;
                await writer.WriteEntryAsync(link, ct);
                files++;
            }
            else if (!excluded && entry is FileInfo file)
            {
                files += await WriteFileAsync(writer, path, file, ct);
            }
        }

        return files;
    }

    private static async Task<int> WriteFileAsync(TarWriter writer, string path, FileInfo file, CancellationToken ct)
    {
        var entry = Entry(TarEntryType.RegularFile, path, file);

        // .NET cannot tell a FIFO or a socket from a file, and opening a FIFO blocks: those report length 0,
        // so an empty file is written without being opened (an empty file in the context either way).
        if (file.Length == 0)
        {
            await writer.WriteEntryAsync(entry, ct);
            return 1;
        }

        await using var data = new FileStream(file.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
        entry.DataStream = data;
        await writer.WriteEntryAsync(entry, ct);
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
