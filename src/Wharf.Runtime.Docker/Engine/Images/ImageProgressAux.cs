namespace Wharf.Runtime.Docker.Engine.Images;

/// <summary>A stream's result: the built image's id, or a pushed tag's digest and size.</summary>
public sealed record ImageProgressAux
{
    public string? Id { get; init; }

    public string? Tag { get; init; }

    public string? Digest { get; init; }

    public long? Size { get; init; }
}
