namespace Wharf.Runtime.Docker.Engine.Containers.Stats;

/// <summary>GET /containers/{id}/stats as the engine sends it (snake_case, see <see cref="StatsJsonContext"/>).</summary>
internal sealed record StatsSample
{
    public DateTimeOffset Read { get; init; }

    public CpuStatsBody? CpuStats { get; init; }

    public CpuStatsBody? PrecpuStats { get; init; }

    public MemoryStatsBody? MemoryStats { get; init; }

    public IReadOnlyDictionary<string, NetworkStatsBody>? Networks { get; init; }

    public PidsStatsBody? PidsStats { get; init; }
}
