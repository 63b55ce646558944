namespace Wharf.Runtime.Docker.Engine.Containers.Stats;

/// <summary>Derives the `docker stats` figures from a raw sample.</summary>
internal static class StatsCalculator
{
    // cgroup v1 and v2 name the reclaimable file cache differently; the CLI subtracts whichever is there.
    private static readonly string[] _inactiveFileKeys = ["total_inactive_file", "inactive_file"];

    public static ContainerStats Compute(StatsSample sample)
    {
        var memory = sample.MemoryStats;
        var used = memory is null ? 0UL : UsedMemory(memory);
        var limit = memory?.Limit ?? 0;
        var networks = sample.Networks?.Values ?? [];
        return new ContainerStats
        {
            Read = sample.Read,
            CpuPercent = CpuPercent(sample.CpuStats, sample.PrecpuStats),
            OnlineCpus = (int)OnlineCpus(sample.CpuStats),
            MemoryUsageBytes = (long)used,
            MemoryLimitBytes = (long)Math.Min(limit, long.MaxValue),
            MemoryPercent = limit == 0 ? 0 : used * 100.0 / limit,
            NetworkRxBytes = (long)networks.Aggregate(0UL, (sum, n) => sum + n.RxBytes),
            NetworkTxBytes = (long)networks.Aggregate(0UL, (sum, n) => sum + n.TxBytes),
            Pids = (long)(sample.PidsStats?.Current ?? 0),
        };
    }

    /// <summary>
    /// The container's share of all host CPU time since the previous sample, scaled to cores. The
    /// first sample of a stream has no previous one (precpu is zero): that reads as 0%.
    /// </summary>
    public static double CpuPercent(CpuStatsBody? current, CpuStatsBody? previous)
    {
        if (current?.CpuUsage is null || previous?.CpuUsage is null)
        {
            return 0;
        }

        var cpuDelta = (double)current.CpuUsage.TotalUsage - previous.CpuUsage.TotalUsage;
        var systemDelta = (double)current.SystemCpuUsage - previous.SystemCpuUsage;
        if (cpuDelta <= 0 || systemDelta <= 0 || previous.SystemCpuUsage == 0)
        {
            return 0;
        }

        return cpuDelta / systemDelta * OnlineCpus(current) * 100.0;
    }

    public static ulong UsedMemory(MemoryStatsBody memory)
    {
        foreach (var key in _inactiveFileKeys)
        {
            if (memory.Stats?.TryGetValue(key, out var inactive) == true && inactive < memory.Usage)
            {
                return memory.Usage - inactive;
            }
        }

        return memory.Usage;
    }

    private static uint OnlineCpus(CpuStatsBody? cpu) =>
        cpu is null ? 0 : cpu.OnlineCpus != 0 ? cpu.OnlineCpus : (uint)(cpu.CpuUsage?.PercpuUsage?.Count ?? 0);
}
