namespace Wharf.Core.Logs;

/// <summary>The audit log's names for changes to where logs go.</summary>
public static class LogAuditActions
{
    public const string Forward = "logs.forward";
}
