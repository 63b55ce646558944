namespace Wharf.Storage.Logs;

/// <summary>A case-sensitive substring, like <c>grep -F</c>: the runtime's vectorized byte search over whole blocks.</summary>
internal sealed class OrdinalMatcher(byte[] needle) : ITextMatcher
{
    public bool SearchesBytes => true;

    public int MatchLength => needle.Length;

    public uint[] Trigrams { get; } = TrigramBloom.Trigrams(needle);

    public int IndexIn(ReadOnlySpan<byte> haystack) => haystack.IndexOf(needle);

    public bool Matches(ReadOnlySpan<byte> text) => text.IndexOf(needle) >= 0;
}
