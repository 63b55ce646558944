namespace Wharf.Manifest;

/// <summary>A command run on a schedule in a one-off process of one of the app's services.</summary>
public sealed record TimerManifest
{
    public required string Name { get; init; }

    /// <summary>When to run, in UTC.</summary>
    public required CronSchedule Schedule { get; init; }

    public required ManifestCommand Command { get; init; }

    /// <summary>The service whose image, environment and resources the run uses.</summary>
    public required string Service { get; init; }

    public TimerConcurrency Concurrency { get; init; } = TimerConcurrency.Forbid;
}
