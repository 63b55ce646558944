namespace Wharf.Manifest;

/// <summary>How many processes of a service run and how big each may get.</summary>
public sealed record ServiceScale
{
    /// <summary>Processes to start with; 0 keeps the service deployed but stopped. wharf.yml without it means min, or 1.</summary>
    public int Count { get; init; } = 1;

    /// <summary>Lowest count autoscaling or <c>wharf scale</c> may set; wharf.yml without it means <see cref="Count"/> (or max, if lower).</summary>
    public int Min { get; init; } = 1;

    /// <summary>Highest count autoscaling or <c>wharf scale</c> may set; wharf.yml without it means <see cref="Count"/> (or min, if higher).</summary>
    public int Max { get; init; } = 1;

    /// <summary>CPU limit per process in thousandths of a core (500 = half a core); null means no limit.</summary>
    public int? CpuMillicores { get; init; }

    /// <summary>Memory limit per process in bytes; null means no limit.</summary>
    public long? MemoryBytes { get; init; }
}
