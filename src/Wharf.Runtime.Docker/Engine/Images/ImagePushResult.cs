namespace Wharf.Runtime.Docker.Engine.Images;

/// <summary>A finished push: the manifest digest the registry now serves the tag under.</summary>
public sealed record ImagePushResult(string Reference, string? Digest);
