using System.Buffers.Text;

namespace Wharf.Router.Forwarding;

/// <summary>
/// Tells whether bytes just read from a backend hold one whole HTTP/1.x response: its head and all of its body, and
/// nothing after. Only a hint (whether more of the answer is still on its way); anything it is unsure of is "not
/// whole": a response without a length, trailers, interim (1xx) answers, more than one response. (A chunk whose data
/// happens to end like the last chunk would read as whole: the price is one delayed ACK, never a wrong response.)
/// </summary>
internal static class ResponseEnd
{
    private static ReadOnlySpan<byte> HeadEnd => "\r\n\r\n"u8;

    private static ReadOnlySpan<byte> LastChunk => "0\r\n\r\n"u8;

    public static bool IsWhole(ReadOnlySpan<byte> data)
    {
        if (data.Length < 16 || !data.StartsWith("HTTP/1."u8) || data[8] != (byte)' ')
        {
            return false;
        }

        var headEnd = data.IndexOf(HeadEnd);
        if (headEnd < 0)
        {
            return false;
        }

        var bodyStart = headEnd + HeadEnd.Length;
        var status = data[9];
        if (status == (byte)'1')
        {
            return false;
        }

        if (data[9..12].SequenceEqual("204"u8) || data[9..12].SequenceEqual("304"u8))
        {
            return data.Length == bodyStart;
        }

        long length = -1;
        var chunked = false;
        var lines = data[..headEnd];
        var lineStart = lines.IndexOf((byte)'\n') + 1;
        while (lineStart > 0 && lineStart < lines.Length)
        {
            var rest = lines[lineStart..];
            var lineEnd = rest.IndexOf((byte)'\r');
            var line = lineEnd < 0 ? rest : rest[..lineEnd];
            if (HasName(line, "content-length:"u8, out var value))
            {
                value = value.Trim((byte)' ');
                if (length >= 0 || !Utf8Parser.TryParse(value, out long parsed, out var used) || used != value.Length)
                {
                    return false;
                }

                length = parsed;
            }
            else if (HasName(line, "transfer-encoding:"u8, out _))
            {
                chunked = true;
            }

            var next = rest.IndexOf((byte)'\n');
            lineStart = next < 0 ? -1 : lineStart + next + 1;
        }

        var body = data[bodyStart..];
        return chunked
            ? body.EndsWith(LastChunk) && (body.Length == LastChunk.Length || body[..^LastChunk.Length].EndsWith("\r\n"u8))
            : length >= 0 && body.Length == length;
    }

    private static bool HasName(ReadOnlySpan<byte> line, ReadOnlySpan<byte> lowerName, out ReadOnlySpan<byte> value)
    {
        value = default;
        if (line.Length < lowerName.Length)
        {
            return false;
        }

        for (var i = 0; i < lowerName.Length; i++)
        {
            if ((line[i] | 0x20) != lowerName[i])
            {
                return false;
            }
        }

        value = line[lowerName.Length..];
        return true;
    }
}
