using System.Formats.Tar;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace Wharf.Server.Tests.Logs;

/// <summary>An app directory made of just a wharf.yml, packed as `wharf deploy` uploads it.</summary>
public static class AppTar
{
    public static ByteArrayContent Manifest(string yaml)
    {
        using var stream = new MemoryStream();
        using (var writer = new TarWriter(stream, TarEntryFormat.Ustar, leaveOpen: true))
        {
            writer.WriteEntry(new UstarTarEntry(TarEntryType.RegularFile, "wharf.yml")
            {
                DataStream = new MemoryStream(Encoding.UTF8.GetBytes(yaml)),
                ModificationTime = DateTimeOffset.UnixEpoch,
                Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead,
            });
        }

        var bytes = stream.ToArray();
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-tar");
        content.Headers.Add("X-Wharf-Context-Digest", "sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes)));
        return content;
    }

    /// <summary>A one-service app that runs <paramref name="script"/> with sh in the local base image: nothing to build.</summary>
    public static string Service(string service, string script) =>
        $"""
        services:
          {service}:
            image: debian:bookworm-slim
            command: ["sh", "-c", {System.Text.Json.JsonSerializer.Serialize(script)}]
            termination:
              grace: 1s
        """;
}
