using Wharf.Core.Runtime;
using Wharf.Runtime.Docker.Engine.Containers;

namespace Wharf.Runtime.Docker.Runtime;

/// <summary>
/// What only an inspect tells (the list call does not): times, exit code, OOM kill and the command. For a given
/// container and engine state these never change, which is what lets <see cref="ProcessDetailsCache"/> keep them.
/// </summary>
internal sealed record ProcessDetails(
    string EngineState,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    int? ExitCode,
    bool OutOfMemory,
    IReadOnlyList<string>? Command)
{
    public static ProcessDetails From(ContainerInspect container)
    {
        var state = ProcessStates.FromEngine(container.State.Status);
        var exited = state == ProcessState.Exited;
        IReadOnlyList<string> command = [.. container.Config.Entrypoint ?? [], .. container.Config.Cmd ?? []];
        return new ProcessDetails(
            container.State.Status,
            container.Created,
            OrNull(container.State.StartedAt),
            exited ? OrNull(container.State.FinishedAt) : null,
            exited ? container.State.ExitCode : null,
            container.State.OomKilled,
            command.Count == 0 ? null : command);
    }

    // The engine writes Go's zero time (0001-01-01T00:00:00Z) for "never".
    private static DateTimeOffset? OrNull(DateTimeOffset time) => time.Year <= 1 ? null : time;
}
