namespace Wharf.Storage.Logs;

/// <summary>Where and how long logs are kept: the "Logs" configuration section.</summary>
public sealed record LogStoreOptions
{
    public const string SectionName = "Logs";

    public const long MinSegmentBytes = 16 * 1024;

    /// <summary>The directory holding one directory per app (and _system for the platform's own log), e.g. DATA/logs.</summary>
    public string Directory { get; init; } = "";

    /// <summary>A log file is closed and a new one started once it reaches this size; retention drops whole files.</summary>
    public long SegmentBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Lines older than this are dropped (a file at a time, once its newest line is this old).</summary>
    public TimeSpan MaxAge { get; init; } = TimeSpan.FromDays(7);

    /// <summary>Each app's log is kept under this size by dropping its oldest files.</summary>
    public long MaxBytesPerApp { get; init; } = 1L << 30;

    /// <summary>How often every log is checked for lines past <see cref="MaxAge"/> (size is also enforced as logs grow).</summary>
    public TimeSpan RetentionInterval { get; init; } = TimeSpan.FromHours(1);

    /// <summary>A longer line is cut at this many UTF-8 bytes.</summary>
    public int MaxLineBytes { get; init; } = 64 * 1024;

    /// <summary>The bytes of lines one index entry (time range and text filter) covers. Tests make it small.</summary>
    internal int BlockBytes { get; init; } = 64 * 1024;

    /// <summary>Every problem with these options, each naming its setting.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Directory))
        {
            problems.Add($"{SectionName}:Directory is empty: set it to the directory where Wharf keeps logs, e.g. '/var/lib/wharf/logs'.");
        }

        if (SegmentBytes < MinSegmentBytes || SegmentBytes > 1L << 30)
        {
            problems.Add($"{SectionName}:SegmentBytes is {SegmentBytes}: give a size from {MinSegmentBytes} to 1073741824 bytes, e.g. 67108864 (64 MiB).");
        }
        else if (MaxBytesPerApp < 2 * SegmentBytes)
        {
            problems.Add($"{SectionName}:MaxBytesPerApp is {MaxBytesPerApp}: it must be at least twice {SectionName}:SegmentBytes ({SegmentBytes}), since the file being written is never dropped.");
        }

        if (MaxAge < TimeSpan.FromMinutes(1))
        {
            problems.Add($"{SectionName}:MaxAge is {MaxAge}: keep logs for at least a minute, e.g. '7.00:00:00' (7 days).");
        }

        if (RetentionInterval < TimeSpan.FromSeconds(1))
        {
            problems.Add($"{SectionName}:RetentionInterval is {RetentionInterval}: check at least a second apart, e.g. '01:00:00' (hourly).");
        }

        if (MaxLineBytes < 256 || MaxLineBytes > 1024 * 1024)
        {
            problems.Add($"{SectionName}:MaxLineBytes is {MaxLineBytes}: give a size from 256 to 1048576 bytes, e.g. 65536.");
        }

        if (BlockBytes < 256)
        {
            problems.Add($"{SectionName}:BlockBytes is {BlockBytes}: give at least 256 bytes.");
        }

        return problems;
    }
}
