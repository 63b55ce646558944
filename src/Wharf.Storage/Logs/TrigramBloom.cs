namespace Wharf.Storage.Logs;

/// <summary>
/// A Bloom filter of the 3-byte sequences in a block's text: a text filter skips a block when one of its own
/// trigrams is missing. ASCII letters are folded to lower case first, so the same filter serves case-sensitive
/// and case-insensitive searches. 32768 bits and 3 probes per trigram: a block of ordinary log lines (a few
/// thousand distinct trigrams) leaves each probe a small chance of a false hit, and a filter of n bytes has n-2
/// trigrams that must all hit.
/// </summary>
internal static class TrigramBloom
{
    public const int Bytes = 4096;
    private const int Bits = Bytes * 8;
    private const int BitShift = 15;
    private const int Mask = Bits - 1;
    private static readonly byte[] _fold = CreateFold();

    /// <summary>Adds every trigram of <paramref name="text"/>.</summary>
    public static void AddText(Span<byte> bloom, ReadOnlySpan<byte> text)
    {
        if (text.Length < 3)
        {
            return;
        }

        var fold = _fold;
        var trigram = ((uint)fold[text[0]] << 8) | fold[text[1]];
        for (var i = 2; i < text.Length; i++)
        {
            trigram = ((trigram << 8) | fold[text[i]]) & 0xFFFFFF;
            Set(bloom, trigram);
        }
    }

    /// <summary>The trigrams of a search text, folded; empty when it is shorter than three bytes (no block can be skipped).</summary>
    public static uint[] Trigrams(ReadOnlySpan<byte> needle)
    {
        if (needle.Length < 3)
        {
            return [];
        }

        var result = new HashSet<uint>();
        var trigram = ((uint)_fold[needle[0]] << 8) | _fold[needle[1]];
        for (var i = 2; i < needle.Length; i++)
        {
            trigram = ((trigram << 8) | _fold[needle[i]]) & 0xFFFFFF;
            result.Add(trigram);
        }

        return [.. result];
    }

    /// <summary>False when the block cannot contain a text with these trigrams.</summary>
    public static bool MayContain(ReadOnlySpan<byte> bloom, uint[] trigrams)
    {
        foreach (var trigram in trigrams)
        {
            var h = trigram * 0x9E3779B97F4A7C15UL;
            if (!IsSet(bloom, (int)(h >> (64 - BitShift)))
                || !IsSet(bloom, (int)(h >> (64 - (2 * BitShift))) & Mask)
                || !IsSet(bloom, (int)(h >> (64 - (3 * BitShift))) & Mask))
            {
                return false;
            }
        }

        return true;
    }

    private static void Set(Span<byte> bloom, uint trigram)
    {
        var h = trigram * 0x9E3779B97F4A7C15UL;
        SetBit(bloom, (int)(h >> (64 - BitShift)));
        SetBit(bloom, (int)(h >> (64 - (2 * BitShift))) & Mask);
        SetBit(bloom, (int)(h >> (64 - (3 * BitShift))) & Mask);
    }

    private static void SetBit(Span<byte> bloom, int bit) => bloom[bit >> 3] |= (byte)(1 << (bit & 7));

    private static bool IsSet(ReadOnlySpan<byte> bloom, int bit) => (bloom[bit >> 3] & (1 << (bit & 7))) != 0;

    private static byte[] CreateFold()
    {
        var fold = new byte[256];
        for (var i = 0; i < 256; i++)
        {
            fold[i] = i is >= 'A' and <= 'Z' ? (byte)(i + 32) : (byte)i;
        }

        return fold;
    }
}
