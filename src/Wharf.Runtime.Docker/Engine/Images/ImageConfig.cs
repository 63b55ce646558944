namespace Wharf.Runtime.Docker.Engine.Images;

/// <summary>What the Dockerfile set: the defaults a container of this image starts with.</summary>
public sealed record ImageConfig
{
    public IReadOnlyList<string>? Env { get; init; }

    public IReadOnlyList<string>? Cmd { get; init; }

    public IReadOnlyList<string>? Entrypoint { get; init; }

    public IReadOnlyDictionary<string, string>? Labels { get; init; }

    /// <summary>Keys are "port/protocol" ("8080/tcp"), as EXPOSE wrote them.</summary>
    public IReadOnlyDictionary<string, EmptyObject>? ExposedPorts { get; init; }

    public string? WorkingDir { get; init; }

    public string? User { get; init; }

    public string? StopSignal { get; init; }
}
