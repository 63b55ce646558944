using System.Net;
using System.Net.Http.Headers;

namespace Wharf.Runtime.Docker.Engine.Http;

/// <summary>
/// Sends a caller's stream (a build context) without taking ownership: StreamContent would dispose
/// it with the request, and the caller may still want to rewind or close it itself.
/// </summary>
internal sealed class NonDisposingStreamContent : HttpContent
{
    private readonly Stream _stream;

    public NonDisposingStreamContent(Stream stream, string mediaType)
    {
        _stream = stream;
        Headers.ContentType = new MediaTypeHeaderValue(mediaType);
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        _stream.CopyToAsync(stream);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        _stream.CopyToAsync(stream, cancellationToken);

    // Unknown length: the context goes out chunked, so a large context is never buffered in memory.
    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
