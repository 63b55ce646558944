namespace Wharf.Core.Resources;

/// <summary>How long Wharf waits on resources. A first start includes creating the database, which takes seconds.</summary>
public sealed record ResourceTimeouts
{
    /// <summary>How long a started resource has to accept connections before the deploy fails.</summary>
    public TimeSpan Ready { get; init; } = TimeSpan.FromMinutes(2);

    public TimeSpan Poll { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Between the stop signal and SIGKILL, when a container is replaced or removed: a database flushes to disk.</summary>
    public TimeSpan Grace { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How many of a failing resource's last lines its error carries.</summary>
    public int LastLines { get; init; } = 15;
}
