namespace Wharf.Core.Releases;

/// <summary>What a new release is made of; its version, author and time are filled in when it is created.</summary>
public sealed record ReleaseDraft(int? Build, int? EnvVersion, string? Manifest, string Description);
