using System.Collections.Concurrent;
using Wharf.Core.Processes;
using Wharf.Core.Runtime;

namespace Wharf.Core.Tests.Processes;

/// <summary>Keeps every process event as a line of text, e.g. "exited worker code 1 crashed".</summary>
public sealed class RecordingProcessEvents : IProcessEvents
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Lines => [.. _lines];

    public ConcurrentQueue<ProcessExit> Exits { get; } = new();

    public void Started(RuntimeProcess process, string reason) => _lines.Enqueue($"started {process.Service} {process.Id}");

    public void Exited(ProcessExit processExit)
    {
        Exits.Enqueue(processExit);
        _lines.Enqueue($"exited {processExit.Service} code {processExit.ExitCode}{(processExit.Crashed ? " crashed" : "")}");
    }

    public void CrashLoop(string app, string service, int crashes, DateTimeOffset nextAttemptAt) =>
        _lines.Enqueue($"crash loop {service} after {crashes}");

    public void Stopped(string app, string processId, string service, string reason) => _lines.Enqueue($"stopped {service} {processId}");

    public void Failed(string app, string operation, Exception exception) => _lines.Enqueue($"failed {operation}: {exception.Message}");
}
