using Wharf.Core.Deployments;

namespace Wharf.Storage.Sql;

/// <summary>
/// The stored spelling of each status. Spelled out instead of derived from the member names, so renaming a member
/// cannot silently orphan the rows already written under the old name.
/// </summary>
internal static class DeploymentStatusText
{
    /// <summary>The statuses of a deployment that has not ended, as stored.</summary>
    public const string Unfinished = "'queued', 'building', 'rolling-out'";

    public static string ToDb(DeploymentStatus status) => status switch
    {
        DeploymentStatus.Queued => "queued",
        DeploymentStatus.Building => "building",
        DeploymentStatus.RollingOut => "rolling-out",
        DeploymentStatus.Succeeded => "succeeded",
        DeploymentStatus.Failed => "failed",
        DeploymentStatus.Cancelled => "cancelled",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown deployment status."),
    };

    public static DeploymentStatus Parse(string text) => text switch
    {
        "queued" => DeploymentStatus.Queued,
        "building" => DeploymentStatus.Building,
        "rolling-out" => DeploymentStatus.RollingOut,
        "succeeded" => DeploymentStatus.Succeeded,
        "failed" => DeploymentStatus.Failed,
        "cancelled" => DeploymentStatus.Cancelled,
        _ => throw new InvalidDataException($"The state database holds an unknown deployment status '{text}'."),
    };
}
