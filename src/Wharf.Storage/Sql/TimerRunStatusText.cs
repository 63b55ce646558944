using Wharf.Core.Timers;

namespace Wharf.Storage.Sql;

/// <summary>
/// The stored spelling of each status. Spelled out instead of derived from the member names, so renaming a member
/// cannot silently orphan the rows already written under the old name.
/// </summary>
internal static class TimerRunStatusText
{
    public const string Running = "running";

    public static string ToDb(TimerRunStatus status) => status switch
    {
        TimerRunStatus.Running => Running,
        TimerRunStatus.Succeeded => "succeeded",
        TimerRunStatus.Failed => "failed",
        TimerRunStatus.Skipped => "skipped",
        TimerRunStatus.Stopped => "stopped",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown timer run status."),
    };

    public static TimerRunStatus Parse(string text) => text switch
    {
        Running => TimerRunStatus.Running,
        "succeeded" => TimerRunStatus.Succeeded,
        "failed" => TimerRunStatus.Failed,
        "skipped" => TimerRunStatus.Skipped,
        "stopped" => TimerRunStatus.Stopped,
        _ => throw new InvalidDataException($"The state database holds an unknown timer run status '{text}'."),
    };
}
