namespace Wharf.Core.Resources;

/// <summary>Receives a chunk of a command's output: the bytes as written, binary-safe.</summary>
public delegate ValueTask OutputSink(ReadOnlyMemory<byte> bytes, CancellationToken ct);

/// <summary>A command to run inside a resource's container, with its stdin and where its output goes.</summary>
public sealed record ResourceExec(ResourceCommandLine Command)
{
    /// <summary>Sent to the command's stdin, then EOF; null sends EOF at once.</summary>
    public Stream? Input { get; init; }

    public OutputSink? Stdout { get; init; }

    public OutputSink? Stderr { get; init; }
}
