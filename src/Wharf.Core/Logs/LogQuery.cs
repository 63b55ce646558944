namespace Wharf.Core.Logs;

/// <summary>Which lines of one log to read. Every condition given must hold; null means "any".</summary>
public sealed record LogQuery
{
    /// <summary>The app whose log to read, or null for the platform's own log.</summary>
    public string? App { get; init; }

    /// <summary>Only lines at or after this instant.</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>Only lines before this instant.</summary>
    public DateTimeOffset? Until { get; init; }

    public string? Service { get; init; }

    public int? Release { get; init; }

    public string? ProcessId { get; init; }

    /// <summary>Only these sources (several may be or-ed together), e.g. <c>LogSource.Stdout | LogSource.Stderr</c>.</summary>
    public LogSource? Sources { get; init; }

    /// <summary>Only lines whose text contains this, like <c>grep -F</c>: a plain substring, not a pattern.</summary>
    public string? Filter { get; init; }

    /// <summary>Compare <see cref="Filter"/> without regard to case.</summary>
    public bool IgnoreCase { get; init; }

    /// <summary>Only the last this many matching lines (of the past, when following); null: all of them.</summary>
    public int? Tail { get; init; }

    /// <summary>Stop after this many lines in all.</summary>
    public int? Limit { get; init; }

    /// <summary>Every problem with the query, each a sentence a user can act on; empty when it is fine.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Since is { } since && Until is { } until && until <= since)
        {
            problems.Add($"The time range is empty: 'until' ({until:O}) is not after 'since' ({since:O}).");
        }

        if (Tail is < 0)
        {
            problems.Add($"'tail' is {Tail}: give a number of lines from 0 up.");
        }

        if (Limit is < 1)
        {
            problems.Add($"'limit' is {Limit}: give a number of lines from 1 up.");
        }

        if (Filter is "")
        {
            problems.Add("The filter is empty: give the text the lines must contain, or no filter.");
        }

        if (Sources is { } sources && (sources == 0 || (sources & ~LogSources.All) != 0))
        {
            problems.Add($"The sources value {(int)sources} names no known source: combine stdout, stderr, build and event.");
        }

        return problems;
    }
}
