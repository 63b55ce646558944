namespace Wharf.Runtime.Docker.Engine.Images;

/// <summary>A finished build: the image id (sha256:...) and the builder's output, line by line.</summary>
public sealed record ImageBuildResult(string ImageId, IReadOnlyList<string> Tags, IReadOnlyList<string> Output);
