namespace Wharf.Core.Runtime;

/// <param name="CpuPercent">Share of one core, as `docker stats` shows it (200 = two cores busy).</param>
public sealed record ProcessStats(double CpuPercent, long MemoryBytes, long? MemoryLimitBytes);
