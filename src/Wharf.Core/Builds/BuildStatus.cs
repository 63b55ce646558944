namespace Wharf.Core.Builds;

public enum BuildStatus
{
    Pending,
    Running,
    Succeeded,
    Failed,
}
