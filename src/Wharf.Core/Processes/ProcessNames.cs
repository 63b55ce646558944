using Wharf.Core.Runtime;

namespace Wharf.Core.Processes;

/// <summary>How process kinds and states are spelled in the API.</summary>
public static class ProcessNames
{
    public const string Crashed = "crashed";

    public static string Kind(ProcessKind kind) => kind switch
    {
        ProcessKind.OneOff => "oneoff",
        ProcessKind.Timer => "timer",
        _ => "service",
    };

    public static string State(ProcessState state) => state switch
    {
        ProcessState.Created => "created",
        ProcessState.Running => "running",
        _ => "exited",
    };
}
