namespace Wharf.Core.Deployments;

/// <summary>What started a deployment, as stored and shown.</summary>
public static class DeploymentKinds
{
    /// <summary>`wharf deploy`: build the uploaded source, make a release, roll it out.</summary>
    public const string Deploy = "deploy";

    /// <summary>`wharf releases promote` of a release newer than the current one (or of the current one again).</summary>
    public const string Promote = "promote";

    /// <summary>`wharf releases promote` of a release older than the current one.</summary>
    public const string Rollback = "rollback";

    /// <summary>An env change of an app that runs a build: its new release rolls out in the background.</summary>
    public const string Env = "env";
}
