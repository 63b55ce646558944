namespace Wharf.Runtime.Docker.Engine.Containers.Stats;

/// <summary>Memory use in bytes; <see cref="Stats"/> holds the cgroup's memory.stat counters.</summary>
internal sealed record MemoryStatsBody
{
    public ulong Usage { get; init; }

    public ulong Limit { get; init; }

    public IReadOnlyDictionary<string, ulong>? Stats { get; init; }
}
