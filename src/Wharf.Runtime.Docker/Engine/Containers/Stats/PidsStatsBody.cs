namespace Wharf.Runtime.Docker.Engine.Containers.Stats;

internal sealed record PidsStatsBody
{
    public ulong Current { get; init; }
}
