using Wharf.Core.Runtime;

namespace Wharf.Runtime.Docker.Runtime;

/// <summary>Folds the engine's seven container states into Wharf's three.</summary>
internal static class ProcessStates
{
    public static ProcessState FromEngine(string? status) => status switch
    {
        "created" => ProcessState.Created,
        // A paused or restarting container still holds its process; Wharf never pauses or restarts one itself.
        "running" or "paused" or "restarting" => ProcessState.Running,
        // "dead" and "removing" are on their way out: nothing runs any more.
        _ => ProcessState.Exited,
    };
}
