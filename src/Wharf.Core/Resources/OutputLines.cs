using System.Text;

namespace Wharf.Core.Resources;

/// <summary>
/// Turns a command's output chunks into lines, as they complete: a chunk may end mid-line or mid-character.
/// Not thread-safe: one per stream.
/// </summary>
public sealed class OutputLines(Func<string, CancellationToken, Task> line)
{
    // A line longer than this is passed on in pieces rather than held in memory.
    private const int MaxLine = 64 * 1024;

    private readonly Decoder _decoder = Encoding.UTF8.GetDecoder();
    private readonly StringBuilder _current = new();

    public async ValueTask WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken ct)
    {
        var chars = new char[Encoding.UTF8.GetMaxCharCount(bytes.Length)];
        var count = _decoder.GetChars(bytes.Span, chars, flush: false);
        for (var i = 0; i < count; i++)
        {
            var c = chars[i];
            if (c == '\n')
            {
                await EmitAsync(ct);
            }
            else if (c != '\r')
            {
                _current.Append(c);
                if (_current.Length >= MaxLine)
                {
                    await EmitAsync(ct);
                }
            }
        }
    }

    /// <summary>Passes on a last line that had no line break.</summary>
    public async Task FlushAsync(CancellationToken ct)
    {
        if (_current.Length > 0)
        {
            await EmitAsync(ct);
        }
    }

    private async Task EmitAsync(CancellationToken ct)
    {
        var text = _current.ToString();
        _current.Clear();
        await line(text, ct);
    }
}
