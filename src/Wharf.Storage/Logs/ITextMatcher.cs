namespace Wharf.Storage.Logs;

/// <summary>How a query's filter text is looked for: as raw bytes over whole blocks, or line by line.</summary>
internal interface ITextMatcher
{
    /// <summary>True when <see cref="IndexIn"/> may run over raw record bytes (a block at a time).</summary>
    bool SearchesBytes { get; }

    /// <summary>The bytes a match found by <see cref="IndexIn"/> spans.</summary>
    int MatchLength { get; }

    /// <summary>The filter's trigrams for the blocks' Bloom filters; empty when they cannot rule a block out.</summary>
    uint[] Trigrams { get; }

    /// <summary>Where the first match in <paramref name="haystack"/> starts, or -1.</summary>
    int IndexIn(ReadOnlySpan<byte> haystack);

    /// <summary>True when one line's text (UTF-8) matches.</summary>
    bool Matches(ReadOnlySpan<byte> text);
}
