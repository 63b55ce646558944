namespace Wharf.Runtime.Docker.Engine.Containers;

/// <summary>The engine's restart policy; Wharf restarts processes itself, so it always asks for "no".</summary>
public sealed record RestartPolicy
{
    public string? Name { get; init; }

    public int MaximumRetryCount { get; init; }
}
