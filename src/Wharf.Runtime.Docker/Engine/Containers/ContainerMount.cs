namespace Wharf.Runtime.Docker.Engine.Containers;

/// <summary>A volume or host directory mounted into the container (the engine's Mounts entry).</summary>
public sealed record ContainerMount
{
    /// <summary>"volume", "bind" or "tmpfs".</summary>
    public required string Type { get; init; }

    /// <summary>Volume name or host path; empty for tmpfs.</summary>
    public string? Source { get; init; }

    public required string Target { get; init; }

    public bool ReadOnly { get; init; }

    public static ContainerMount Volume(string name, string target, bool readOnly = false) =>
        new() { Type = "volume", Source = name, Target = target, ReadOnly = readOnly };

    public static ContainerMount Bind(string hostPath, string target, bool readOnly = false) =>
        new() { Type = "bind", Source = hostPath, Target = target, ReadOnly = readOnly };
}
