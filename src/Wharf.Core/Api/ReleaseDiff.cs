namespace Wharf.Core.Api;

/// <summary>What changed from release <paramref name="From"/> to <paramref name="To"/>. Env values are never included.</summary>
/// <param name="ManifestDiff">A unified diff of the two wharf.yml texts; empty when they are equal.</param>
public sealed record ReleaseDiff(
    string App,
    int From,
    int To,
    int? FromBuild,
    int? ToBuild,
    IReadOnlyList<string> EnvAdded,
    IReadOnlyList<string> EnvRemoved,
    IReadOnlyList<string> EnvChanged,
    string ManifestDiff);
