namespace Wharf.Runtime.Docker.Engine.Images;

/// <summary>What to build from a tar context: tags, which Dockerfile, build arguments and labels.</summary>
public sealed record ImageBuildRequest
{
    /// <summary>name:tag references to give the image; the first one names it in messages.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Path of the Dockerfile inside the context.</summary>
    public string Dockerfile { get; init; } = "Dockerfile";

    public IReadOnlyDictionary<string, string> BuildArgs { get; init; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    public bool NoCache { get; init; }

    /// <summary>The stage of a multi-stage Dockerfile to stop at.</summary>
    public string? Target { get; init; }
}
