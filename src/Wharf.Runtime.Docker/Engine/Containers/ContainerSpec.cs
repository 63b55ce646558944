namespace Wharf.Runtime.Docker.Engine.Containers;

/// <summary>
/// What to run: image, command, environment, labels, ports, network and limits. Shaped for Wharf's
/// needs rather than the engine's; <see cref="ContainerCreateBody"/> is the wire form.
/// </summary>
public sealed record ContainerSpec
{
    public required string Image { get; init; }

    /// <summary>The container's name; the engine makes one up when null.</summary>
    public string? Name { get; init; }

    /// <summary>Replaces the image's CMD when set.</summary>
    public IReadOnlyList<string>? Cmd { get; init; }

    /// <summary>Replaces the image's ENTRYPOINT when set.</summary>
    public IReadOnlyList<string>? Entrypoint { get; init; }

    public IReadOnlyDictionary<string, string> Env { get; init; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>Container ports published on the host; each is also exposed.</summary>
    public IReadOnlyList<PortMapping> Ports { get; init; } = [];

    /// <summary>A user-defined network to attach to at creation (the engine's bridge when null).</summary>
    public string? Network { get; init; }

    /// <summary>Extra DNS names for this container on <see cref="Network"/>.</summary>
    public IReadOnlyList<string> NetworkAliases { get; init; } = [];

    /// <summary>Hard memory limit in bytes; the kernel OOM-kills the container past it.</summary>
    public long? MemoryBytes { get; init; }

    /// <summary>CPU limit in cores (0.5 = half a core).</summary>
    public double? Cpus { get; init; }

    /// <summary>The signal stop sends first (SIGTERM when null).</summary>
    public string? StopSignal { get; init; }

    /// <summary>The default grace period between the stop signal and SIGKILL.</summary>
    public TimeSpan? StopTimeout { get; init; }

    public HealthcheckSpec? Healthcheck { get; init; }

    /// <summary>
    /// Runs a tiny init (the engine's docker-init) as PID 1: it forwards signals and reaps zombies, so a process
    /// that never installed a SIGTERM handler still stops on SIGTERM instead of waiting out the grace period.
    /// </summary>
    public bool Init { get; init; }

    public IReadOnlyList<ContainerMount> Mounts { get; init; } = [];

    public string? WorkingDir { get; init; }

    public string? User { get; init; }

    /// <summary>With a TTY the output is one raw stream: stdout and stderr can no longer be told apart.</summary>
    public bool Tty { get; init; }

    /// <summary>
    /// The engine's restart policy ("no", "always", "unless-stopped", "on-failure"); null is "no". Processes leave
    /// restarts to Wharf's reconciler; backing resources ask the engine to keep them up, server or not.
    /// </summary>
    public string? RestartPolicy { get; init; }
}
