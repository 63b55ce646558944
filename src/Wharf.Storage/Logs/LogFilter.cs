using System.Text;
using Wharf.Core.Logs;

namespace Wharf.Storage.Logs;

/// <summary>A <see cref="LogQuery"/>'s conditions, compiled to compare against records in place.</summary>
internal sealed class LogFilter
{
    private readonly byte[]? _service;
    private readonly byte[]? _process;
    private readonly int? _release;

    public LogFilter(LogQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        SinceTicks = query.Since?.UtcTicks ?? long.MinValue;
        UntilTicks = query.Until?.UtcTicks ?? long.MaxValue;
        Sources = query.Sources ?? LogSources.All;
        _service = query.Service is null ? null : Encoding.UTF8.GetBytes(query.Service);
        _process = query.ProcessId is null ? null : Encoding.UTF8.GetBytes(query.ProcessId);
        _release = query.Release;
        Matcher = query.Filter is { Length: > 0 } filter ? CreateMatcher(filter, query.IgnoreCase) : null;
    }

    public long SinceTicks { get; }

    public long UntilTicks { get; }

    public LogSource Sources { get; }

    public ITextMatcher? Matcher { get; }

    /// <summary>True when the blocks' Bloom filters can rule blocks out.</summary>
    public bool UsesBloom => Matcher is { Trigrams.Length: > 0 };

    public bool Overlaps(BlockInfo block) => block.Overlaps(SinceTicks, UntilTicks, Sources);

    /// <summary>True when an entry record meets every condition but the filter text.</summary>
    public bool MatchesFields(LogRecord record)
    {
        var ticks = record.Ticks;
        return ticks >= SinceTicks
            && ticks < UntilTicks
            && (record.Source & Sources) != 0
            && (_release is null || record.Release == _release)
            && (_service is null || record.Service.SequenceEqual(_service))
            && (_process is null || record.Process.SequenceEqual(_process));
    }

    private static ITextMatcher CreateMatcher(string filter, bool ignoreCase)
    {
        var bytes = Encoding.UTF8.GetBytes(filter);
        if (!ignoreCase)
        {
            return new OrdinalMatcher(bytes);
        }

        return Ascii.IsValid(filter) ? new AsciiIgnoreCaseMatcher(bytes) : new UnicodeIgnoreCaseMatcher(filter);
    }
}
