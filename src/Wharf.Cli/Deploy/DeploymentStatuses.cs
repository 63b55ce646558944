namespace Wharf.Cli.Deploy;

/// <summary>The API's deployment status words (DeploymentInfo.Status) the CLI acts on.</summary>
internal static class DeploymentStatuses
{
    public const string Queued = "queued";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";

    public static bool IsFinished(string status) => status is Succeeded or Failed or Cancelled;
}
