namespace Wharf.Core.Deployments;

/// <summary>Limits and deadlines of deployments: the "Deployments" configuration section.</summary>
public sealed record DeploymentOptions
{
    public const string SectionName = "Deployments";

    /// <summary>The largest source upload (the tar of the app directory) accepted.</summary>
    public long MaxContextBytes { get; init; } = 1L << 30;

    /// <summary>How long the images of one deploy may take to build, all services together.</summary>
    public TimeSpan BuildTimeout { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Added to a service's health grace: how long its new processes get to listen on their port and pass their health check.</summary>
    public TimeSpan RolloutTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How often a new process is checked while it starts (a refused TCP connect on the app network costs microseconds).</summary>
    public TimeSpan ReadinessPollInterval { get; init; } = TimeSpan.FromMilliseconds(20);

    /// <summary>
    /// How often a new process's HTTP health check is tried again while it fails (once its port accepts connections);
    /// the first try is at once.
    /// </summary>
    public TimeSpan HealthCheckRetryInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// How long a process without a port (a worker) must keep running to count as started: one that dies at once
    /// fails the rollout instead of crash-looping under the new release.
    /// </summary>
    public TimeSpan WorkerSettleTime { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Added to a service's termination grace: how long stopping its old processes may take.</summary>
    public TimeSpan StopTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the log of a running deployment is written to the blob store.</summary>
    public TimeSpan LogFlushInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a cancel request waits for a running deployment to stop before answering.</summary>
    public TimeSpan CancelWait { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Every problem with these options, each naming its setting.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (MaxContextBytes <= 0)
        {
            problems.Add($"{SectionName}:MaxContextBytes is {MaxContextBytes}: give a positive number of bytes, e.g. 1073741824 (1 GiB).");
        }

        Positive(problems, nameof(BuildTimeout), BuildTimeout);
        Positive(problems, nameof(RolloutTimeout), RolloutTimeout);
        Positive(problems, nameof(ReadinessPollInterval), ReadinessPollInterval);
        Positive(problems, nameof(HealthCheckRetryInterval), HealthCheckRetryInterval);
        Positive(problems, nameof(StopTimeout), StopTimeout);
        Positive(problems, nameof(LogFlushInterval), LogFlushInterval);
        Positive(problems, nameof(CancelWait), CancelWait);
        if (WorkerSettleTime < TimeSpan.Zero)
        {
            problems.Add($"{SectionName}:{nameof(WorkerSettleTime)} is negative: give a duration such as 00:00:02, or 00:00:00 for none.");
        }

        return problems;
    }

    private static void Positive(List<string> problems, string name, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            problems.Add($"{SectionName}:{name} is {value}: give a positive duration such as 00:01:00.");
        }
    }
}
