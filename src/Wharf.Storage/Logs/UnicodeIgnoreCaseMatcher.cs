using System.Text;

namespace Wharf.Storage.Logs;

/// <summary>A non-ASCII substring in any case: each line is decoded and compared ordinally ignoring case (the slow path).</summary>
internal sealed class UnicodeIgnoreCaseMatcher(string needle) : ITextMatcher
{
    public bool SearchesBytes => false;

    public int MatchLength => 0;

    // Case variants of non-ASCII letters are other bytes, which the Bloom filters do not fold.
    public uint[] Trigrams => [];

    public int IndexIn(ReadOnlySpan<byte> haystack) => throw new NotSupportedException("This filter is matched line by line.");

    public bool Matches(ReadOnlySpan<byte> text) => Encoding.UTF8.GetString(text).Contains(needle, StringComparison.OrdinalIgnoreCase);
}
