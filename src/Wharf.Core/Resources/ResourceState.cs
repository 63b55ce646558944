namespace Wharf.Core.Resources;

public enum ResourceState
{
    Running,

    /// <summary>Exited, and the engine is about to start it again (its restart policy).</summary>
    Restarting,

    /// <summary>Created but not started, or exited for good.</summary>
    Stopped,
}
