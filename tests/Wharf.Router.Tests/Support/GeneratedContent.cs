using System.Net;

namespace Wharf.Router.Tests.Support;

/// <summary>
/// A request body of <paramref name="length"/> bytes written from one small buffer (the test holds no copy of it).
/// After <paramref name="pauseAfter"/> bytes it waits for <paramref name="resume"/>: the far side has proven it got
/// bytes while the rest were not even written yet.
/// </summary>
public sealed class GeneratedContent(long length, long pauseAfter = -1, Task? resume = null) : HttpContent
{
    private static readonly byte[] _block = Enumerable.Range(0, 64 * 1024).Select(i => (byte)i).ToArray();

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        long sent = 0;
        while (sent < length)
        {
            if (resume is not null && sent >= pauseAfter && !resume.IsCompleted)
            {
                await stream.FlushAsync(cancellationToken);
                await resume.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
            }

            var size = (int)Math.Min(_block.Length, length - sent);
            await stream.WriteAsync(_block.AsMemory(0, size), cancellationToken);
            sent += size;
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = -1;
        return false;
    }
}
