namespace Wharf.Runtime.Docker.Engine.Containers;

/// <summary>A command the engine runs inside the container to decide whether it is healthy.</summary>
public sealed record HealthcheckSpec
{
    /// <summary>Run through /bin/sh -c, like HEALTHCHECK CMD in a Dockerfile.</summary>
    public required string Command { get; init; }

    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(5);

    public int Retries { get; init; } = 3;

    /// <summary>Failures during start-up do not count against <see cref="Retries"/>.</summary>
    public TimeSpan StartPeriod { get; init; } = TimeSpan.Zero;

    internal HealthcheckConfig ToConfig() => new()
    {
        Test = ["CMD-SHELL", Command],
        Interval = Nanoseconds(Interval),
        Timeout = Nanoseconds(Timeout),
        Retries = Retries,
        StartPeriod = Nanoseconds(StartPeriod),
    };

    // The engine counts durations in nanoseconds; a TimeSpan tick is 100 ns.
    private static long Nanoseconds(TimeSpan value) => value.Ticks * 100;
}
