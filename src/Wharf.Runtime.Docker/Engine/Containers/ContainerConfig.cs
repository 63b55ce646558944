namespace Wharf.Runtime.Docker.Engine.Containers;

/// <summary>The container's configuration as created (image defaults merged with the request).</summary>
public sealed record ContainerConfig
{
    /// <summary>The image reference the container was created from.</summary>
    public string? Image { get; init; }

    public IReadOnlyList<string>? Env { get; init; }

    public IReadOnlyList<string>? Cmd { get; init; }

    public IReadOnlyList<string>? Entrypoint { get; init; }

    public IReadOnlyDictionary<string, string>? Labels { get; init; }

    public IReadOnlyDictionary<string, EmptyObject>? ExposedPorts { get; init; }

    public bool Tty { get; init; }

    public string? StopSignal { get; init; }

    public int? StopTimeout { get; init; }

    public HealthcheckConfig? Healthcheck { get; init; }

    public string? WorkingDir { get; init; }

    public string? User { get; init; }
}
