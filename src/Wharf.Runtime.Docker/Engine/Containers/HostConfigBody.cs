using System.Globalization;

namespace Wharf.Runtime.Docker.Engine.Containers;

/// <summary>The host-side settings of a create request: ports, limits, network, mounts.</summary>
internal sealed record HostConfigBody
{
    private const long NanoCpusPerCpu = 1_000_000_000;

    public IReadOnlyDictionary<string, IReadOnlyList<HostPortBinding>>? PortBindings { get; init; }

    public string? NetworkMode { get; init; }

    public long? Memory { get; init; }

    public long? NanoCpus { get; init; }

    public required RestartPolicy RestartPolicy { get; init; }

    public IReadOnlyList<ContainerMount>? Mounts { get; init; }

    public bool? Init { get; init; }

    public static HostConfigBody From(ContainerSpec spec) => new()
    {
        PortBindings = spec.Ports.Count == 0
            ? null
            : spec.Ports
                .GroupBy(p => p.Key)
                .ToDictionary(
                    g => g.Key,
                    g => (IReadOnlyList<HostPortBinding>)[.. g.Select(p => new HostPortBinding
                    {
                        HostIp = p.HostIp,
                        HostPort = p.HostPort == 0 ? "" : p.HostPort.ToString(CultureInfo.InvariantCulture),
                    })]),
        NetworkMode = spec.Network,
        Memory = spec.MemoryBytes,
        NanoCpus = spec.Cpus is { } cpus ? (long)Math.Round(cpus * NanoCpusPerCpu) : null,
        // Wharf's formation decides when a process comes back; the engine restarting it behind our back would fight that.
        // Only containers outside the formation (backing resources) ask for another policy.
        RestartPolicy = new RestartPolicy { Name = spec.RestartPolicy ?? "no" },
        Mounts = spec.Mounts.Count == 0 ? null : spec.Mounts,
        Init = spec.Init ? true : null,
    };
}
