using System.Formats.Tar;
using System.Text;

namespace Wharf.Core.Tests.Deployments;

/// <summary>Tar archives for tests, entries in the order given, as the CLI would upload them.</summary>
public static class TestTar
{
    public static MemoryStream Create(params (string Path, string Content)[] files)
    {
        var stream = new MemoryStream();
        using (var writer = new TarWriter(stream, TarEntryFormat.Ustar, leaveOpen: true))
        {
            foreach (var (path, content) in files)
            {
                // A fixed time (as the CLI writes): the same files make the same bytes, hence the same digest.
                var entry = path.EndsWith('/')
                    ? new UstarTarEntry(TarEntryType.Directory, path)
                    : new UstarTarEntry(TarEntryType.RegularFile, path) { DataStream = new MemoryStream(Encoding.UTF8.GetBytes(content)) };
                entry.ModificationTime = DateTimeOffset.UnixEpoch;
                writer.WriteEntry(entry);
            }
        }

        stream.Position = 0;
        return stream;
    }

    /// <summary>Every entry's name and (for files) text.</summary>
    public static List<(string Name, string? Text)> Read(Stream tar)
    {
        var entries = new List<(string, string?)>();
        using var reader = new TarReader(tar, leaveOpen: true);
        while (reader.GetNextEntry(copyData: true) is { } entry)
        {
            string? text = null;
            if (entry.DataStream is { } data)
            {
                using var content = new StreamReader(data, Encoding.UTF8);
                text = content.ReadToEnd();
            }

            entries.Add((entry.Name, text));
        }

        return entries;
    }
}
