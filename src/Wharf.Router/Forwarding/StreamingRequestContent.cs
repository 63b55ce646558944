using System.IO.Pipelines;
using System.Net;

namespace Wharf.Router.Forwarding;

/// <summary>
/// The client's request body, streamed to the backend as it arrives: straight from the server's buffers, flushed
/// after every read, never held whole. Remembers which side failed so the forwarder can tell a client that went
/// away from a backend that broke.
/// </summary>
internal sealed class StreamingRequestContent(PipeReader source) : HttpContent
{
    private CancellationTokenSource? _idleTimeout;
    private TimeSpan _idleLimit;

    /// <summary>Bytes of the body were taken from the client: the request can no longer go to another backend.</summary>
    public bool Consumed { get; private set; }

    /// <summary>Body bytes passed to the backend so far.</summary>
    public long Sent { get; private set; }

    /// <summary>Reading the body from the client failed (it went away or sent a malformed body).</summary>
    public bool ClientFailed { get; private set; }

    /// <summary>Pushes <paramref name="timeout"/> back by <paramref name="limit"/> whenever body bytes go out.</summary>
    public void ExtendOnProgress(CancellationTokenSource? timeout, TimeSpan limit)
    {
        _idleTimeout = timeout;
        _idleLimit = limit;
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        if (Consumed)
        {
            throw new InvalidOperationException("The request body was partly sent already and cannot be sent again.");
        }

        while (true)
        {
            ReadResult result;
            try
            {
                result = await source.ReadAsync(cancellationToken);
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                ClientFailed = true;
                throw;
            }

            var buffer = result.Buffer;
            try
            {
                if (!buffer.IsEmpty)
                {
                    Consumed = true;
                    foreach (var segment in buffer)
                    {
                        await stream.WriteAsync(segment, cancellationToken);
                        Sent += segment.Length;
                    }

                    await stream.FlushAsync(cancellationToken);
                    _idleTimeout?.CancelAfter(_idleLimit);
                }
            }
            finally
            {
                source.AdvanceTo(buffer.End);
            }

            if (result.IsCompleted || result.IsCanceled)
            {
                return;
            }
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
