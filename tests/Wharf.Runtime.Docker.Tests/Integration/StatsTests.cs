using Wharf.Runtime.Docker.Tests.TestSupport;

namespace Wharf.Runtime.Docker.Tests.Integration;

[Trait("Category", TestCategories.Docker)]
public sealed class StatsTests(DockerEngineFixture docker) : IClassFixture<DockerEngineFixture>
{
    private const long ThirtyTwoMegabytes = 32L * 1024 * 1024;

    private static CancellationToken Timeout => new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    [Fact]
    public async Task GetStatsAsync_BusyContainerWithLimits_ReportsCpuAndMemory()
    {
        var id = await docker.RunAsync(
            docker.Container("busy", "sh", "-c", "while :; do :; done") with { MemoryBytes = ThirtyTwoMegabytes, Cpus = 0.5 }, Timeout);

        var stats = await docker.Client.Containers.GetStatsAsync(id, Timeout);

        Assert.True(stats.MemoryUsageBytes > 0, $"memory {stats.MemoryUsageBytes}");
        Assert.Equal(ThirtyTwoMegabytes, stats.MemoryLimitBytes);
        Assert.InRange(stats.MemoryPercent, 0.001, 100);
        // Capped at half a core: about 50%, with room for the sampling window's jitter.
        Assert.InRange(stats.CpuPercent, 5, 80);
        Assert.True(stats.Pids >= 1);
        Assert.True(stats.OnlineCpus >= 1);
    }

    [Fact]
    public async Task StreamStatsAsync_RunningContainer_KeepsSampling()
    {
        var id = await docker.RunAsync(docker.Container("sampled", "sleep", "300"), Timeout);

        var samples = await docker.Client.Containers.StreamStatsAsync(id, Timeout).Take(2).ToListAsync(Timeout);

        Assert.Equal(2, samples.Count);
        Assert.True(samples[1].Read > samples[0].Read);
        Assert.All(samples, s => Assert.True(s.MemoryUsageBytes > 0));
    }
}
