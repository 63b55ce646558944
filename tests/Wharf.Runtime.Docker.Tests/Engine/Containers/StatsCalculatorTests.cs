using System.Text.Json;
using Wharf.Runtime.Docker.Engine.Containers.Stats;

namespace Wharf.Runtime.Docker.Tests.Engine.Containers;

public sealed class StatsCalculatorTests
{
    // A cgroup v1 sample as the engine sends it, trimmed to the fields used.
    private const string CgroupV1Sample = """
        {
          "read": "2026-11-22T05:16:26.622712726Z",
          "pids_stats": { "current": 3 },
          "cpu_stats": {
            "cpu_usage": { "total_usage": 3000000000, "percpu_usage": [1500000000, 1500000000] },
            "system_cpu_usage": 20000000000,
            "online_cpus": 2
          },
          "precpu_stats": {
            "cpu_usage": { "total_usage": 2500000000, "percpu_usage": [1250000000, 1250000000] },
            "system_cpu_usage": 18000000000,
            "online_cpus": 2
          },
          "memory_stats": {
            "usage": 50000000,
            "limit": 100000000,
            "stats": { "total_inactive_file": 10000000, "cache": 12000000 }
          },
          "networks": {
            "eth0": { "rx_bytes": 100, "tx_bytes": 40 },
            "eth1": { "rx_bytes": 5, "tx_bytes": 2 }
          }
        }
        """;

    [Fact]
    public void Compute_CgroupV1Sample_MatchesDockerStats()
    {
        var stats = StatsCalculator.Compute(Parse(CgroupV1Sample));

        // 0.5 s of container CPU in 2 s of host CPU time over 2 CPUs: 0.5 / 2 * 2 * 100.
        Assert.Equal(50.0, stats.CpuPercent, precision: 6);
        Assert.Equal(40_000_000, stats.MemoryUsageBytes);
        Assert.Equal(100_000_000, stats.MemoryLimitBytes);
        Assert.Equal(40.0, stats.MemoryPercent, precision: 6);
        Assert.Equal(105, stats.NetworkRxBytes);
        Assert.Equal(42, stats.NetworkTxBytes);
        Assert.Equal(3, stats.Pids);
        Assert.Equal(2, stats.OnlineCpus);
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 5, 16, 26, TimeSpan.Zero).AddTicks(6_227_127), stats.Read);
    }

    [Fact]
    public void Compute_CgroupV2Sample_SubtractsInactiveFile()
    {
        var sample = Parse("""{ "memory_stats": { "usage": 8000, "limit": 16000, "stats": { "inactive_file": 2000 } } }""");

        var stats = StatsCalculator.Compute(sample);

        Assert.Equal(6000, stats.MemoryUsageBytes);
        Assert.Equal(37.5, stats.MemoryPercent, precision: 6);
    }

    [Fact]
    public void Compute_FirstSampleWithoutPrevious_ReportsZeroCpu()
    {
        var sample = Parse("""
            {
              "cpu_stats": { "cpu_usage": { "total_usage": 900 }, "system_cpu_usage": 5000, "online_cpus": 4 },
              "precpu_stats": { "cpu_usage": { "total_usage": 0 }, "system_cpu_usage": 0 }
            }
            """);

        Assert.Equal(0, StatsCalculator.Compute(sample).CpuPercent);
    }

    [Fact]
    public void Compute_NoOnlineCpus_CountsPerCpuEntries()
    {
        var sample = Parse("""
            {
              "cpu_stats": { "cpu_usage": { "total_usage": 200, "percpu_usage": [1, 1, 1, 1] }, "system_cpu_usage": 2000 },
              "precpu_stats": { "cpu_usage": { "total_usage": 100 }, "system_cpu_usage": 1000 }
            }
            """);

        // 100 / 1000 * 4 CPUs * 100.
        Assert.Equal(40.0, StatsCalculator.Compute(sample).CpuPercent, precision: 6);
    }

    [Fact]
    public void Compute_StoppedContainer_ReportsZeros()
    {
        var stats = StatsCalculator.Compute(Parse("""{ "read": "0001-01-01T00:00:00Z", "memory_stats": {} }"""));

        Assert.Equal(0, stats.MemoryUsageBytes);
        Assert.Equal(0, stats.MemoryPercent);
        Assert.Equal(0, stats.CpuPercent);
    }

    private static StatsSample Parse(string json) => JsonSerializer.Deserialize(json, StatsJsonContext.Default.StatsSample)!;
}
