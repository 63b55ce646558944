using System.Formats.Tar;
using System.Text;

namespace Wharf.Runtime.Docker.Tests.TestSupport;

/// <summary>Builds an in-memory build context, as the CLI uploads one.</summary>
public static class TarContext
{
    public static MemoryStream Create(params (string Path, string Content)[] files)
    {
        var tar = new MemoryStream();
        using (var writer = new TarWriter(tar, TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach (var (path, content) in files)
            {
                var entry = new PaxTarEntry(TarEntryType.RegularFile, path)
                {
                    DataStream = new MemoryStream(Encoding.UTF8.GetBytes(content)),
                    Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead,
                };
                writer.WriteEntry(entry);
            }
        }

        tar.Position = 0;
        return tar;
    }

    public static MemoryStream WithDockerfile(string dockerfile) => Create(("Dockerfile", dockerfile));
}
