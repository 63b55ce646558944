namespace Wharf.Core.Releases;

/// <summary>An immutable, numbered release: a build plus a config version plus a manifest.</summary>
/// <param name="Version">Per-app release number, starting at 1.</param>
/// <param name="Build">The build number, or null while the app has never been built.</param>
/// <param name="EnvVersion">The config (env) version, or null while the app has no config.</param>
/// <param name="Manifest">The wharf.yml text in force for this release.</param>
/// <param name="Description">What made it, e.g. "Set FOO, BAR" or "Deploy build 3".</param>
/// <param name="CreatedBy">The token name that made it.</param>
public sealed record Release(
    string App,
    int Version,
    int? Build,
    int? EnvVersion,
    string? Manifest,
    string Description,
    string CreatedBy,
    DateTimeOffset CreatedAt);
