namespace Wharf.Storage.Logs;

/// <summary>Reads what was committed after a position, record by record in append order (what followers get).</summary>
internal static class LogTail
{
    /// <summary>Adds the matching entries between <paramref name="from"/> and the end of <paramref name="view"/>; returns the new position.</summary>
    public static LogPosition Read(LogView view, LogPosition from, LogFilter filter, EntryDecoder decoder, List<FoundEntry> found)
    {
        var position = from;
        foreach (var segment in view.Segments)
        {
            if (segment.Id < from.Segment)
            {
                continue;
            }

            var start = segment.Id == from.Segment ? from.Offset : LogFormat.HeaderSize;
            position = new LogPosition(segment.Id, segment.End);
            if (start >= segment.End)
            {
                continue;
            }

            // A segment deleted by retention before the follower got to it is skipped.
            using var handles = SegmentHandles.TryOpen(segment, withBloom: false);
            if (handles is null)
            {
                continue;
            }

            SegmentRecords.ForEach(handles.Log, start, segment.End, verify: false, (record, offset) =>
            {
                if (record.Kind == LogFormat.EntryKind
                    && filter.MatchesFields(record)
                    && (filter.Matcher is null || filter.Matcher.Matches(record.Text))
                    && record.ChecksumMatches())
                {
                    found.Add(new FoundEntry(LogPosition.Key(segment.Id, offset), decoder.Decode(record)));
                }

                return true;
            });
        }

        return position;
    }
}
