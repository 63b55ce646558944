namespace Wharf.Runtime.Docker.Engine.Containers;

/// <summary>The container's host-side settings: limits, requested port bindings, network mode.</summary>
public sealed record ContainerHostConfig
{
    /// <summary>Bytes; 0 means unlimited.</summary>
    public long Memory { get; init; }

    /// <summary>Billionths of a CPU; 0 means unlimited.</summary>
    public long NanoCpus { get; init; }

    public string? NetworkMode { get; init; }

    public RestartPolicy? RestartPolicy { get; init; }

    public IReadOnlyDictionary<string, IReadOnlyList<HostPortBinding>?>? PortBindings { get; init; }
}
