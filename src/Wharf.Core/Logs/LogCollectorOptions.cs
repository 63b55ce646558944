namespace Wharf.Core.Logs;

/// <summary>How the log collector follows processes: the "Logs:Collector" configuration section.</summary>
public sealed record LogCollectorOptions
{
    public const string SectionName = "Logs:Collector";

    /// <summary>How often the runtime's processes are listed, to find those nobody announced (after a restart, say).</summary>
    public TimeSpan ScanInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long removing a process waits for its last lines to be stored.</summary>
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long after a failure reading a process (the engine away) it is tried again.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>At most this many lines go to the store in one append.</summary>
    public int MaxBatchLines { get; init; } = 2000;

    /// <summary>Every problem with these options, each naming its setting.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (ScanInterval < TimeSpan.FromMilliseconds(100) || ScanInterval > TimeSpan.FromMinutes(10))
        {
            problems.Add($"{SectionName}:ScanInterval is {ScanInterval}: give a time from 0.1 s to 10 minutes, e.g. '00:00:01'.");
        }

        if (DrainTimeout < TimeSpan.Zero || DrainTimeout > TimeSpan.FromMinutes(10))
        {
            problems.Add($"{SectionName}:DrainTimeout is {DrainTimeout}: give a time from 0 to 10 minutes, e.g. '00:00:10'.");
        }

        if (RetryDelay < TimeSpan.FromMilliseconds(10) || RetryDelay > TimeSpan.FromMinutes(10))
        {
            problems.Add($"{SectionName}:RetryDelay is {RetryDelay}: give a time from 0.01 s to 10 minutes, e.g. '00:00:02'.");
        }

        if (MaxBatchLines is < 1 or > 100_000)
        {
            problems.Add($"{SectionName}:MaxBatchLines is {MaxBatchLines}: give a number from 1 to 100000, e.g. 2000.");
        }

        return problems;
    }
}
