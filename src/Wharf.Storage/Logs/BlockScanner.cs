namespace Wharf.Storage.Logs;

/// <summary>
/// Finds the entries of a run of whole records that a filter matches. With a filter text searchable as bytes it
/// searches the raw bytes of the whole run (as fast as the runtime's vectorized search goes) and looks at a record
/// only where a match lands; only matching records are checksummed and decoded.
/// </summary>
internal static class BlockScanner
{
    /// <summary>Adds the matching entries of <paramref name="records"/>, which start at <paramref name="offset"/> of the segment, to <paramref name="found"/>.</summary>
    /// <returns>False when a damaged record stopped the scan.</returns>
    public static bool Scan(ReadOnlySpan<byte> records, long segment, long offset, LogFilter filter, EntryDecoder decoder, List<FoundEntry> found) =>
        filter.Matcher is { SearchesBytes: true } matcher
            ? ScanForText(records, segment, offset, filter, matcher, decoder, found)
            : ScanEach(records, segment, offset, filter, decoder, found);

    private static bool ScanForText(ReadOnlySpan<byte> records, long segment, long offset, LogFilter filter, ITextMatcher matcher, EntryDecoder decoder, List<FoundEntry> found)
    {
        var start = 0;
        var from = 0;
        while (from < records.Length)
        {
            var hit = matcher.IndexIn(records[from..]);
            if (hit < 0)
            {
                return true;
            }

            hit += from;

            // Walk the record lengths up to the record the match lands in.
            int length;
            while (true)
            {
                length = LogRecord.PeekLength(records[start..]);
                if (length == 0)
                {
                    return false;
                }

                if (start + length > hit)
                {
                    break;
                }

                start += length;
            }

            if (!LogRecord.TryReadUnchecked(records.Slice(start, length), out var record))
            {
                return false;
            }

            var textStart = start + (record.Kind == LogFormat.EntryKind ? record.TextOffset : length);
            if (hit < textStart)
            {
                // The bytes matched in the record's header or names; its text may still match.
                from = textStart;
                continue;
            }

            if (hit + matcher.MatchLength <= start + length && filter.MatchesFields(record) && record.ChecksumMatches())
            {
                found.Add(new FoundEntry(LogPosition.Key(segment, offset + start), decoder.Decode(record)));
            }

            start += length;
            from = start;
        }

        return true;
    }

    private static bool ScanEach(ReadOnlySpan<byte> records, long segment, long offset, LogFilter filter, EntryDecoder decoder, List<FoundEntry> found)
    {
        var start = 0;
        while (start < records.Length)
        {
            if (!LogRecord.TryReadUnchecked(records[start..], out var record))
            {
                return false;
            }

            if (record.Kind == LogFormat.EntryKind
                && filter.MatchesFields(record)
                && (filter.Matcher is null || filter.Matcher.Matches(record.Text))
                && record.ChecksumMatches())
            {
                found.Add(new FoundEntry(LogPosition.Key(segment, offset + start), decoder.Decode(record)));
            }

            start += record.Length;
        }

        return true;
    }
}
