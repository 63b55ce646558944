namespace Wharf.Core.Logs;

/// <summary>
/// What a runtime tells the log collector, so that no line is lost: a process it just started (to be followed at
/// once, not at the next scan), and a process it is about to remove (whose last lines must be stored first).
/// </summary>
public interface IProcessLogCollector
{
    /// <summary>Starts following a process the runtime has just started.</summary>
    void Started(LoggedProcess process);

    /// <summary>
    /// Returns once everything the (exited) process wrote is stored, or the collector's drain deadline has passed;
    /// the runtime removes the process, and the runtime's copy of its output, after this.
    /// </summary>
    Task DrainAsync(string processId, CancellationToken ct = default);
}
