namespace Wharf.Runtime.Docker.Engine.Containers;

/// <summary>The engine's restart policy; Wharf restarts processes itself (policy "no"), the engine keeps resources up.</summary>
public sealed record RestartPolicy
{
    public string? Name { get; init; }

    public int MaximumRetryCount { get; init; }
}
