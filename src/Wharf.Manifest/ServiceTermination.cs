namespace Wharf.Manifest;

/// <summary>How a process is stopped.</summary>
public sealed record ServiceTermination
{
    /// <summary>Time between SIGTERM and SIGKILL; long enough for a web request or a small job to finish.</summary>
    public TimeSpan Grace { get; init; } = TimeSpan.FromSeconds(30);
}
