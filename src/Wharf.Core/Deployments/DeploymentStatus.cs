namespace Wharf.Core.Deployments;

public enum DeploymentStatus
{
    /// <summary>Waiting for an earlier deployment of the same app to end.</summary>
    Queued,
    Building,
    RollingOut,
    Succeeded,
    Failed,
    Cancelled,
}
