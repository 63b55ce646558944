namespace Wharf.Runtime.Docker.Engine.Containers.Stats;

internal sealed record NetworkStatsBody
{
    public ulong RxBytes { get; init; }

    public ulong TxBytes { get; init; }
}
