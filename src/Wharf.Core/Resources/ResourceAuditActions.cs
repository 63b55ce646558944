namespace Wharf.Core.Resources;

/// <summary>The audit log's names for what users do to a resource's data.</summary>
public static class ResourceAuditActions
{
    public const string Console = "resources.console";
    public const string Export = "resources.export";
    public const string Import = "resources.import";
}
