namespace Wharf.Runtime.Docker.Engine.Containers.Stats;

/// <summary>Cumulative CPU time of the container and of the whole host, in nanoseconds.</summary>
internal sealed record CpuStatsBody
{
    public CpuUsageBody? CpuUsage { get; init; }

    public ulong SystemCpuUsage { get; init; }

    public uint OnlineCpus { get; init; }
}
