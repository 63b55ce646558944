using System.Globalization;
using Wharf.Core.Apps;
using Wharf.Core.Deployments;
using Wharf.Core.Processes;
using Wharf.Core.Runtime;

namespace Wharf.Core.Logs;

/// <summary>
/// Writes what the platform does to an app into that app's log (source event, so `wharf logs` shows it among the
/// app's own lines) and into the platform's log (`wharf logs --system`, admins only) prefixed with the app's name,
/// and build output into the app's log (source build). Never an env value: callers pass names, ids, codes and the
/// sentences the platform wrote.
/// </summary>
public sealed class PlatformEvents(LogWriter writer, TimeProvider clock)
{
    public void DeploymentStarted(string app, int id, string kind, int? release)
    {
        var what = kind == DeploymentKinds.Deploy || release is null ? kind : $"{kind} of release {release}";
        Write(app, $"Deployment {id} ({what}) started", release: release);
    }

    /// <param name="error">Why it failed or was cancelled: a sentence, then maybe the last lines of the output that explain it.</param>
    public void DeploymentFinished(string app, int id, string kind, DeploymentStatus status, int? release, string? error)
    {
        var text = status switch
        {
            DeploymentStatus.Succeeded when release is int current => $"Deployment {id} ({kind}) succeeded: release {current} is current",
            DeploymentStatus.Succeeded => $"Deployment {id} ({kind}) succeeded",
            DeploymentStatus.Cancelled => $"Deployment {id} ({kind}) cancelled: {error}",
            _ => $"Deployment {id} ({kind}) failed: {error}",
        };
        Write(app, text, release: release);
    }

    public void BuildOutput(string app, int build, string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        foreach (var part in Lines(line))
        {
            writer.Write(new LogEntry(clock.GetUtcNow(), app, LogSource.Build, null, BuildProcessId(build), null, part));
        }
    }

    /// <param name="reason">Why: "the formation needs it", "restart replaces 3f2a…", "timer report due at …".</param>
    public void ProcessStarted(RuntimeProcess process, string reason)
    {
        ArgumentNullException.ThrowIfNull(process);
        Write(process.App, $"{process.Service} {ProcessNames.Kind(process.Kind)} process {process.Id} started (release {process.Release}): {reason}", process.Service, process.Id, process.Release);
    }

    public void ProcessExited(ProcessExit exit)
    {
        ArgumentNullException.ThrowIfNull(exit);
        var what = exit.Crashed ? $"crashed: {exit.Describe()}" : exit.Describe();
        Write(exit.App, $"{exit.Service} process {exit.ProcessId ?? "(not started)"} {what}", exit.Service, exit.ProcessId, exit.Release);
    }

    public void CrashLoop(string app, string service, int crashes, DateTimeOffset nextAttemptAt) =>
        Write(app, string.Create(CultureInfo.InvariantCulture, $"{service} is crash looping ({crashes} crashes in a row); next attempt at {nextAttemptAt:u}"), service);

    public void ProcessStopped(string app, string processId, string service, string reason) =>
        Write(app, $"{service} process {processId} stopped: {reason}", service, processId);

    public void OperationFailed(string app, string operation, string message) => Write(app, $"{operation} failed: {message}");

    public void Scaled(string app, IReadOnlyDictionary<string, int> counts, string actor)
    {
        ArgumentNullException.ThrowIfNull(counts);
        Write(app, $"Scaled by {actor}: {string.Join(", ", counts.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Key}={c.Value}")))}");
    }

    /// <summary>
    /// One event, to the app's log and the platform's; a multi-line text (an error quoting output) becomes one entry
    /// per line. An <paramref name="app"/> that is no app name ("*": all apps) goes to the platform's log only.
    /// </summary>
    public void Write(string? app, string text, string? service = null, string? processId = null, int? release = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var now = clock.GetUtcNow();
        var ofApp = app is not null && AppNames.Problem(app) is null;
        foreach (var line in Lines(text))
        {
            if (ofApp)
            {
                writer.Write(new LogEntry(now, app, LogSource.Event, service, processId, release, line));
            }

            writer.Write(new LogEntry(now, null, LogSource.Event, service, processId, release, app is null ? line : $"[{app}] {line}"));
        }
    }

    /// <summary>The process id build output carries: "build-7".</summary>
    public static string BuildProcessId(int build) => string.Create(CultureInfo.InvariantCulture, $"build-{build}");

    private static string[] Lines(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n');
}
