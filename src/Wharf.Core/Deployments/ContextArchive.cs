using System.Formats.Tar;
using System.Globalization;
using System.Text;
using Wharf.Manifest;

namespace Wharf.Core.Deployments;

/// <summary>
/// Reads the uploaded source tar as it streams by: finds its wharf.yml, and copies out the subtree a service
/// builds from (its build.path) as a tar of its own, so each image gets exactly its directory as context.
/// </summary>
public static class ContextArchive
{
    /// <summary>A wharf.yml larger than this is refused instead of read into memory.</summary>
    public const int MaxManifestBytes = 1 << 20;

    /// <summary>The wharf.yml (else wharf.yaml) at the root of the tar, or null when it has neither.</summary>
    /// <exception cref="DeploymentFailedException">The manifest is too large or the tar cannot be read.</exception>
    public static async Task<ManifestFile?> ReadManifestAsync(Stream tar, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(tar);
        ManifestFile? alternate = null;
        await using var reader = new TarReader(tar, leaveOpen: true);
        while (await NextAsync(reader, ct) is { } entry)
        {
            var name = EntryName(entry.Name);
            if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile)
                || name is not (ManifestLoader.FileName or ManifestLoader.AlternateFileName))
            {
                continue;
            }

            var file = new ManifestFile(name, await ReadTextAsync(entry, name, ct));
            if (name == ManifestLoader.FileName)
            {
                return file;
            }

            alternate = file;
        }

        return alternate;
    }

    /// <summary>
    /// Writes the entries under <paramref name="path"/> (relative to the tar's root) to <paramref name="destination"/>
    /// as a tar rooted at that directory; returns how many entries it wrote (0: no such directory).
    /// </summary>
    public static async Task<int> ExtractSubtreeAsync(Stream tar, string path, Stream destination, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(tar);
        ArgumentNullException.ThrowIfNull(destination);
        var prefix = DirectoryPrefix(path);
        var written = 0;
        await using var reader = new TarReader(tar, leaveOpen: true);
        await using (var writer = new TarWriter(destination, TarEntryFormat.Pax, leaveOpen: true))
        {
            while (await NextAsync(reader, ct) is { } entry)
            {
                if (Rebase(entry, prefix))
                {
                    await writer.WriteEntryAsync(entry, ct);
                    written++;
                }
            }
        }

        return written;
    }

    /// <summary>"" for the root ("." or ""), else the directory with one trailing '/', "." and ".." resolved.</summary>
    public static string DirectoryPrefix(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var segments = new List<string>();
        foreach (var segment in path.Replace('\\', '/').Split('/'))
        {
            if (segment == "..")
            {
                if (segments.Count > 0)
                {
                    segments.RemoveAt(segments.Count - 1);
                }
            }
            else if (segment is not ("" or "."))
            {
                segments.Add(segment);
            }
        }

        return segments.Count == 0 ? "" : string.Join('/', segments) + "/";
    }

    /// <summary>Renames the entry relative to <paramref name="prefix"/>; false when it lies outside (or is the directory itself).</summary>
    private static bool Rebase(TarEntry entry, string prefix)
    {
        var name = EntryName(entry.Name);
        if (name.Length <= prefix.Length || !name.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }

        if (entry.EntryType == TarEntryType.HardLink)
        {
            var target = EntryName(entry.LinkName);
            if (!target.StartsWith(prefix, StringComparison.Ordinal))
            {
                return false;
            }

            entry.LinkName = target[prefix.Length..];
        }

        entry.Name = name[prefix.Length..];
        return true;
    }

    /// <summary>The entry's path without a leading "./" or "/" (tar tools write both).</summary>
    private static string EntryName(string name)
    {
        var trimmed = name;
        while (trimmed.StartsWith("./", StringComparison.Ordinal) || trimmed.StartsWith('/'))
        {
            trimmed = trimmed[(trimmed[0] == '.' ? 2 : 1)..];
        }

        return trimmed;
    }

    private static async Task<TarEntry?> NextAsync(TarReader reader, CancellationToken ct)
    {
        try
        {
            return await reader.GetNextEntryAsync(copyData: false, ct);
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or EndOfStreamException)
        {
            throw new DeploymentFailedException(
                $"The uploaded source is not a readable tar archive ({e.Message}): deploy with the wharf CLI, which packs the directory.", e);
        }
    }

    private static async Task<string> ReadTextAsync(TarEntry entry, string name, CancellationToken ct)
    {
        if (entry.Length > MaxManifestBytes)
        {
            throw new DeploymentFailedException(
                $"{name} is {entry.Length.ToString(CultureInfo.InvariantCulture)} bytes long; a manifest may have at most {MaxManifestBytes} bytes.");
        }

        if (entry.DataStream is null)
        {
            return "";
        }

        using var text = new StreamReader(entry.DataStream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        return await text.ReadToEndAsync(ct);
    }
}
