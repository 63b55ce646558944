namespace Wharf.Core.Api;

/// <summary>One deployment as the API shows it.</summary>
/// <param name="Kind">"deploy", "promote", "rollback" or "env".</param>
/// <param name="Status">"queued", "building", "rolling-out", "succeeded", "failed" or "cancelled".</param>
/// <param name="Build">The build a deploy makes.</param>
/// <param name="Release">The release it rolls out, once known.</param>
/// <param name="Error">Why it failed or was cancelled: a sentence, then the failing process's or build's last lines.</param>
public sealed record DeploymentInfo(
    string App,
    int Id,
    string Kind,
    string Status,
    int? Build,
    int? Release,
    string? Error,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset? FinishedAt);
