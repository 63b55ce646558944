namespace Wharf.Core.Runtime;

/// <summary>What to run. The environment holds decrypted config: it is passed to the runtime at create time only.</summary>
public sealed record ProcessSpec
{
    public required string App { get; init; }

    public required string Service { get; init; }

    public required int Release { get; init; }

    public required string Image { get; init; }

    public ProcessKind Kind { get; init; } = ProcessKind.Service;

    /// <summary>The timer's name, for <see cref="ProcessKind.Timer"/>.</summary>
    public string? Timer { get; init; }

    /// <summary>The command, or null for the image's own.</summary>
    public IReadOnlyList<string>? Command { get; init; }

    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>The port the process listens on (also passed as PORT), or null for a process with no port.</summary>
    public int? Port { get; init; }

    public long? MemoryBytes { get; init; }

    public int? CpuMillicores { get; init; }
}
