using System.Net;
using System.Net.Http.Headers;

namespace Wharf.Cli.Deploy;

/// <summary>A file sent as a request body in chunks, reporting the bytes sent so far after each one.</summary>
internal sealed class UploadContent : HttpContent
{
    private const int ChunkSize = 64 * 1024;
    private readonly string _path;
    private readonly Action<long> _progress;

    public UploadContent(string path, string mediaType, Action<long> progress)
    {
        _path = path;
        _progress = progress;
        Headers.ContentType = new MediaTypeHeaderValue(mediaType);
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.Read, ChunkSize, useAsync: true);
        var buffer = new byte[ChunkSize];
        long sent = 0;
        int read;
        while ((read = await file.ReadAsync(buffer, cancellationToken)) > 0)
        {
            await stream.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            sent += read;
            _progress(sent);
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = new FileInfo(_path).Length;
        return true;
    }
}
