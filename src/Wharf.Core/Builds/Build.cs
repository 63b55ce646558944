namespace Wharf.Core.Builds;

/// <summary>A build: the images made from one uploaded source context.</summary>
/// <param name="Number">Per-app build number, starting at 1.</param>
/// <param name="Images">Service name to image reference.</param>
/// <param name="Manifest">The wharf.yml text the build was made from.</param>
/// <param name="Error">Why the build failed, when it did.</param>
public sealed record Build(
    string App,
    int Number,
    BuildStatus Status,
    IReadOnlyDictionary<string, string> Images,
    string? Manifest,
    string? Error,
    DateTimeOffset CreatedAt,
    DateTimeOffset? FinishedAt);
