namespace Wharf.Runtime.Docker.Engine.Containers;

/// <summary>POST /containers/create's body, built from a <see cref="ContainerSpec"/>.</summary>
internal sealed record ContainerCreateBody
{
    public required string Image { get; init; }

    public IReadOnlyList<string>? Cmd { get; init; }

    public IReadOnlyList<string>? Entrypoint { get; init; }

    public IReadOnlyList<string>? Env { get; init; }

    public IReadOnlyDictionary<string, string>? Labels { get; init; }

    public IReadOnlyDictionary<string, EmptyObject>? ExposedPorts { get; init; }

    public string? StopSignal { get; init; }

    /// <summary>Seconds.</summary>
    public int? StopTimeout { get; init; }

    public HealthcheckConfig? Healthcheck { get; init; }

    public string? WorkingDir { get; init; }

    public string? User { get; init; }

    public bool Tty { get; init; }

    public required HostConfigBody HostConfig { get; init; }

    public NetworkingConfigBody? NetworkingConfig { get; init; }

    public static ContainerCreateBody From(ContainerSpec spec) => new()
    {
        Image = spec.Image,
        Cmd = spec.Cmd,
        Entrypoint = spec.Entrypoint,
        Env = [.. spec.Env.Select(kv => $"{kv.Key}={kv.Value}")],
        Labels = spec.Labels,
        ExposedPorts = spec.Ports.Count == 0 ? null : spec.Ports.ToDictionary(p => p.Key, _ => new EmptyObject()),
        StopSignal = spec.StopSignal,
        StopTimeout = spec.StopTimeout is { } grace ? (int)Math.Ceiling(grace.TotalSeconds) : null,
        Healthcheck = spec.Healthcheck?.ToConfig(),
        WorkingDir = spec.WorkingDir,
        User = spec.User,
        Tty = spec.Tty,
        HostConfig = HostConfigBody.From(spec),
        NetworkingConfig = spec.Network is null ? null : NetworkingConfigBody.For(spec.Network, spec.NetworkAliases),
    };
}
