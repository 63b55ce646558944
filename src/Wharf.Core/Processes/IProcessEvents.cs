using Wharf.Core.Runtime;

namespace Wharf.Core.Processes;

/// <summary>
/// What happens to processes, told to whoever records it (the server's log now; an app's event stream later).
/// Implementations never see env values: specs and processes are passed by identity only.
/// </summary>
public interface IProcessEvents
{
    void Started(RuntimeProcess process, string reason);

    void Exited(ProcessExit processExit);

    void CrashLoop(string app, string service, int crashes, DateTimeOffset nextAttemptAt);

    void Stopped(string app, string processId, string service, string reason);

    /// <summary>A step failed for one app; the loop goes on with the others.</summary>
    void Failed(string app, string operation, Exception exception);
}
