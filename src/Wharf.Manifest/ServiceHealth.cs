namespace Wharf.Manifest;

/// <summary>The HTTP health check the router uses before sending traffic to a process; only services with a port have one.</summary>
/// <remarks>The defaults are Convox's, which have proven sensible for web apps that boot in a few seconds.</remarks>
public sealed record ServiceHealth
{
    public string Path { get; init; } = "/";

    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long one check may take; always shorter than <see cref="Interval"/> so checks never overlap.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(4);

    /// <summary>How long a new process may take to boot before failing checks count against it.</summary>
    public TimeSpan Grace { get; init; } = TimeSpan.FromSeconds(5);
}
