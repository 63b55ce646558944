namespace Wharf.Core.Deployments;

/// <summary>
/// One attempt to change what runs: a deploy (build, release, roll out), a promote or a rollback.
/// Its log (build output and rollout steps) is kept as a blob.
/// </summary>
/// <param name="Id">Per-app number, starting at 1.</param>
/// <param name="Kind">"deploy", "promote", "rollback", "env" or "restart".</param>
/// <param name="Build">The build it made, for a deploy.</param>
/// <param name="Release">The release it rolls out, once known.</param>
/// <param name="Error">Why it failed: a sentence, then the failing process's last log lines.</param>
public sealed record Deployment(
    string App,
    int Id,
    string Kind,
    DeploymentStatus Status,
    int? Build,
    int? Release,
    string? Error,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset? FinishedAt);
