namespace Wharf.Runtime.Docker.Engine.Images;

/// <summary>One entry of GET /images/json.</summary>
public sealed record ImageSummary
{
    public string Id { get; init; } = "";

    public IReadOnlyList<string>? RepoTags { get; init; }

    /// <summary>Unix seconds.</summary>
    public long Created { get; init; }

    public long Size { get; init; }

    public IReadOnlyDictionary<string, string>? Labels { get; init; }
}
