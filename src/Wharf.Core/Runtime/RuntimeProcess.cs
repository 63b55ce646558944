namespace Wharf.Core.Runtime;

/// <summary>A process as the runtime sees it now.</summary>
/// <param name="Id">Short, stable identifier (the first 12 hex digits of a container id).</param>
/// <param name="Address">Where the process's port answers, e.g. "172.18.0.3:5000", or null.</param>
/// <param name="OutOfMemory">True when the runtime killed it for exceeding its memory limit.</param>
public sealed record RuntimeProcess(
    string Id,
    string App,
    string Service,
    int Release,
    ProcessKind Kind,
    string? Timer,
    ProcessState State,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    int? ExitCode,
    bool OutOfMemory,
    string? Address,
    IReadOnlyList<string>? Command);
