namespace Wharf.Core.Audit;

/// <summary>The action names recorded in the audit log.</summary>
public static class AuditActions
{
    public const string AppsCreate = "apps.create";
    public const string AppsDelete = "apps.delete";
    public const string DeploymentsCreate = "deployments.create";
    public const string DeploymentsCancel = "deployments.cancel";
    public const string EnvSet = "env.set";
    public const string ReleasesCreate = "releases.create";
    public const string ReleasesPromote = "releases.promote";
    public const string TokensCreate = "tokens.create";
    public const string TokensDelete = "tokens.delete";
}
