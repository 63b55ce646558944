namespace Wharf.Runtime.Docker.Engine.Containers.Stats;

/// <summary>
/// A container's resource use at one moment, computed the way `docker stats` shows it: CPU as a
/// percentage of one core (200% = two busy cores), memory without the reclaimable page cache.
/// </summary>
public sealed record ContainerStats
{
    public DateTimeOffset Read { get; init; }

    public double CpuPercent { get; init; }

    public int OnlineCpus { get; init; }

    public long MemoryUsageBytes { get; init; }

    public long MemoryLimitBytes { get; init; }

    public double MemoryPercent { get; init; }

    public long NetworkRxBytes { get; init; }

    public long NetworkTxBytes { get; init; }

    public long Pids { get; init; }
}
