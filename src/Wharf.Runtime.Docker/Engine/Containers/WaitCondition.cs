namespace Wharf.Runtime.Docker.Engine.Containers;

/// <summary>What a wait waits for.</summary>
public enum WaitCondition
{
    /// <summary>Returns at once for a container that is not running, including one never started.</summary>
    NotRunning,

    /// <summary>Waits for the next exit even if the container is not running yet: safe to call before start.</summary>
    NextExit,

    /// <summary>Waits until the container is removed.</summary>
    Removed,
}
