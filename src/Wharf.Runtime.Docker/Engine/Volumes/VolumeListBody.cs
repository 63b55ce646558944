namespace Wharf.Runtime.Docker.Engine.Volumes;

/// <summary>GET /volumes's answer.</summary>
internal sealed record VolumeListBody
{
    public IReadOnlyList<VolumeInfo>? Volumes { get; init; }

    public IReadOnlyList<string>? Warnings { get; init; }
}
