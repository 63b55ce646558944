namespace Wharf.Runtime.Docker.Engine.Containers.Stats;

internal sealed record CpuUsageBody
{
    public ulong TotalUsage { get; init; }

    /// <summary>Only on cgroup v1; its length is the CPU count when online_cpus is missing.</summary>
    public IReadOnlyList<ulong>? PercpuUsage { get; init; }
}
