namespace Wharf.Runtime.Docker.Engine.Containers;

/// <summary>Which part of a container's output to read, and whether to keep following it.</summary>
public sealed record LogsOptions
{
    public bool StdOut { get; init; } = true;

    public bool StdErr { get; init; } = true;

    /// <summary>Keep the stream open and deliver new lines until the container stops or the token is cancelled.</summary>
    public bool Follow { get; init; }

    /// <summary>Prefix each line with the time the engine received it (parsed into <see cref="Streams.LogLine.Timestamp"/>).</summary>
    public bool Timestamps { get; init; }

    public DateTimeOffset? Since { get; init; }

    public DateTimeOffset? Until { get; init; }

    /// <summary>Only the last N lines; all when null.</summary>
    public int? Tail { get; init; }
}
