namespace Wharf.Core.Runtime;

public enum ProcessState
{
    Created,
    Running,
    Exited,
}
