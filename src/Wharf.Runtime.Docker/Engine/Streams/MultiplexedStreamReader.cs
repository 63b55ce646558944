using System.Buffers.Binary;

namespace Wharf.Runtime.Docker.Engine.Streams;

/// <summary>
/// Splits the engine's multiplexed stdout/stderr stream (used when a container has no TTY) into frames.
/// Each frame is an 8-byte header [stream, 0, 0, 0, size as big-endian uint32] and then size bytes.
/// Reads may end anywhere, so header and payload are both read to completion.
/// </summary>
internal sealed class MultiplexedStreamReader(Stream stream)
{
    private const int HeaderSize = 8;

    // A frame is one write of the container's process; the engine caps those far below this. A bigger
    // size means the bytes are not a multiplexed stream at all (a TTY container read the wrong way).
    private const int MaxFrameSize = 64 * 1024 * 1024;

    private readonly byte[] _header = new byte[HeaderSize];

    /// <summary>The next non-empty frame, or null at the end of the stream.</summary>
    public async ValueTask<LogFrame?> ReadFrameAsync(CancellationToken ct)
    {
        while (true)
        {
            var headerRead = await stream.ReadAtLeastAsync(_header, HeaderSize, throwOnEndOfStream: false, ct);
            if (headerRead == 0)
            {
                return null;
            }

            if (headerRead < HeaderSize)
            {
                throw new EndOfStreamException($"The Docker engine closed the output stream inside a frame header ({headerRead} of {HeaderSize} bytes).");
            }

            var kind = _header[0];
            var size = BinaryPrimitives.ReadUInt32BigEndian(_header.AsSpan(4));
            if (kind > (byte)LogSource.System || _header[1] != 0 || _header[2] != 0 || _header[3] != 0 || size > MaxFrameSize)
            {
                throw new InvalidDataException(
                    $"The output stream is not multiplexed (header {Convert.ToHexString(_header)}): was the container or exec started with a TTY?");
            }

            // Zero-length frames carry nothing; skipping them keeps callers from seeing empty output.
            if (size == 0)
            {
                continue;
            }

            var payload = new byte[size];
            var payloadRead = await stream.ReadAtLeastAsync(payload, payload.Length, throwOnEndOfStream: false, ct);
            if (payloadRead < payload.Length)
            {
                throw new EndOfStreamException($"The Docker engine closed the output stream inside a frame ({payloadRead} of {size} bytes).");
            }

            return new LogFrame((LogSource)kind, payload);
        }
    }
}
