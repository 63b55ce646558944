using Wharf.Core.Logs;
using Wharf.Core.Processes;
using Wharf.Core.Runtime;

namespace Wharf.Server.Processes;

/// <summary>
/// Writes process events to the server log and, when the server keeps app logs, to the app's log and the platform's
/// (<see cref="PlatformEvents"/>): ids, names, codes and reasons, never a spec's environment.
/// </summary>
public sealed partial class ProcessEventLog(ILogger<ProcessEventLog> logger, PlatformEvents? platform = null) : IProcessEvents
{
    public void Started(RuntimeProcess process, string reason)
    {
        ArgumentNullException.ThrowIfNull(process);
        ProcessStarted(process.App, process.Service, process.Id, process.Release, ProcessNames.Kind(process.Kind), reason);
        platform?.ProcessStarted(process, reason);
    }

    public void Exited(ProcessExit processExit)
    {
        ArgumentNullException.ThrowIfNull(processExit);
        if (processExit.Crashed)
        {
            // Its last lines stay out of the server log (an app may print its own config); `wharf ps` shows them.
            ProcessCrashed(processExit.App, processExit.Service, processExit.ProcessId, processExit.Describe());
        }
        else
        {
            ProcessExited(processExit.App, processExit.Service, processExit.ProcessId, processExit.Describe());
        }

        platform?.ProcessExited(processExit);
    }

    public void CrashLoop(string app, string service, int crashes, DateTimeOffset nextAttemptAt)
    {
        CrashLooping(app, service, crashes, nextAttemptAt);
        platform?.CrashLoop(app, service, crashes, nextAttemptAt);
    }

    public void Stopped(string app, string processId, string service, string reason)
    {
        ProcessStopped(app, service, processId, reason);
        platform?.ProcessStopped(app, processId, service, reason);
    }

    public void Failed(string app, string operation, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        OperationFailed(app, operation, exception);
        platform?.OperationFailed(app, operation, exception.Message);
    }

    [LoggerMessage(301, LogLevel.Information, "App {App}: started {Service} process {ProcessId} (release {Release}, {Kind}): {Reason}")]
    private partial void ProcessStarted(string app, string service, string processId, int release, string kind, string reason);

    [LoggerMessage(302, LogLevel.Information, "App {App}: {Service} process {ProcessId} {How}")]
    private partial void ProcessExited(string app, string service, string? processId, string how);

    [LoggerMessage(303, LogLevel.Warning, "App {App}: {Service} process {ProcessId} crashed: {How}")]
    private partial void ProcessCrashed(string app, string service, string? processId, string how);

    [LoggerMessage(304, LogLevel.Warning, "App {App}: {Service} is crash looping ({Crashes} crashes in a row); next attempt at {NextAttemptAt:u}")]
    private partial void CrashLooping(string app, string service, int crashes, DateTimeOffset nextAttemptAt);

    [LoggerMessage(305, LogLevel.Information, "App {App}: stopped {Service} process {ProcessId}: {Reason}")]
    private partial void ProcessStopped(string app, string service, string processId, string reason);

    [LoggerMessage(306, LogLevel.Warning, "App {App}: {Operation} failed")]
    private partial void OperationFailed(string app, string operation, Exception exception);
}
