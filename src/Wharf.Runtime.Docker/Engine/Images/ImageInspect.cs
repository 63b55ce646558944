namespace Wharf.Runtime.Docker.Engine.Images;

/// <summary>GET /images/{name}/json, the parts Wharf reads.</summary>
public sealed record ImageInspect
{
    public string Id { get; init; } = "";

    public IReadOnlyList<string>? RepoTags { get; init; }

    public IReadOnlyList<string>? RepoDigests { get; init; }

    public DateTimeOffset Created { get; init; }

    public long Size { get; init; }

    public string? Os { get; init; }

    public string? Architecture { get; init; }

    public ImageConfig? Config { get; init; }
}
