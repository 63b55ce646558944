namespace Wharf.Core.Deployments;

/// <summary>How the API spells a deployment's status (the same words the state store keeps).</summary>
public static class DeploymentStatusNames
{
    public static string ToName(DeploymentStatus status) => status switch
    {
        DeploymentStatus.Queued => "queued",
        DeploymentStatus.Building => "building",
        DeploymentStatus.RollingOut => "rolling-out",
        DeploymentStatus.Succeeded => "succeeded",
        DeploymentStatus.Failed => "failed",
        DeploymentStatus.Cancelled => "cancelled",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown deployment status."),
    };

    /// <summary>True once the deployment has ended, whichever way.</summary>
    public static bool IsFinished(DeploymentStatus status) =>
        status is DeploymentStatus.Succeeded or DeploymentStatus.Failed or DeploymentStatus.Cancelled;
}
