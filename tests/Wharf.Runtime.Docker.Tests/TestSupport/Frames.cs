using System.Buffers.Binary;
using System.Text;

namespace Wharf.Runtime.Docker.Tests.TestSupport;

/// <summary>Hand-made multiplexed stream bytes: [stream, 0, 0, 0, size big-endian] + payload.</summary>
public static class Frames
{
    public static byte[] Frame(byte stream, string payload) => Frame(stream, Encoding.UTF8.GetBytes(payload));

    public static byte[] Frame(byte stream, byte[] payload)
    {
        var frame = new byte[8 + payload.Length];
        frame[0] = stream;
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(4), (uint)payload.Length);
        payload.CopyTo(frame, 8);
        return frame;
    }

    public static byte[] Concat(params byte[][] frames) => [.. frames.SelectMany(f => f)];
}
