namespace Wharf.Core.Api;

/// <param name="Current">True for the app's active release.</param>
/// <param name="EnvKeys">The config keys in force for this release (never values).</param>
/// <param name="Manifest">The wharf.yml text; only filled in by the single-release endpoint.</param>
public sealed record ReleaseInfo(
    string App,
    int Version,
    int? Build,
    int? EnvVersion,
    string Description,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    bool Current,
    IReadOnlyList<string> EnvKeys,
    string? Manifest);
