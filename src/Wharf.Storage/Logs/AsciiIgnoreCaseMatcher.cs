using System.Text;

namespace Wharf.Storage.Logs;

/// <summary>
/// An ASCII substring in any case: candidates where the first byte appears in either case, then a case-insensitive
/// comparison. Non-ASCII bytes of the text never equal an ASCII byte, so UTF-8 text needs no decoding.
/// </summary>
internal sealed class AsciiIgnoreCaseMatcher : ITextMatcher
{
    private readonly byte[] _needle;
    private readonly byte _lower;
    private readonly byte _upper;

    public AsciiIgnoreCaseMatcher(byte[] needle)
    {
        _needle = needle;
        _lower = (byte)char.ToLowerInvariant((char)needle[0]);
        _upper = (byte)char.ToUpperInvariant((char)needle[0]);
        Trigrams = TrigramBloom.Trigrams(needle);
    }

    public bool SearchesBytes => true;

    public int MatchLength => _needle.Length;

    public uint[] Trigrams { get; }

    public int IndexIn(ReadOnlySpan<byte> haystack)
    {
        var from = 0;
        while (true)
        {
            var rest = haystack[from..];
            var i = _lower == _upper ? rest.IndexOf(_lower) : rest.IndexOfAny(_lower, _upper);
            if (i < 0 || rest.Length - i < _needle.Length)
            {
                return -1;
            }

            if (Ascii.EqualsIgnoreCase(rest.Slice(i, _needle.Length), _needle))
            {
                return from + i;
            }

            from += i + 1;
        }
    }

    public bool Matches(ReadOnlySpan<byte> text) => IndexIn(text) >= 0;
}
