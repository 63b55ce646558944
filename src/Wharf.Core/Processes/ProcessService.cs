using Wharf.Core.Api;
using Wharf.Core.Apps;
using Wharf.Core.Audit;
using Wharf.Core.Auth;
using Wharf.Core.Errors;
using Wharf.Core.Runtime;
using Wharf.Core.State;

namespace Wharf.Core.Processes;

/// <summary>`wharf ps stop`, `wharf run` and `wharf exec`.</summary>
public sealed class ProcessService(
    IStateStore state,
    IProcessRuntime runtime,
    ReleaseSnapshotLoader releases,
    AttachedProcesses attached,
    ReconcilerSignal reconciler,
    AuditLog audit,
    ProcessOptions options)
{
    // Short: the client that asked for the process has gone, nobody waits for a clean shutdown.
    private static readonly TimeSpan _abandonedGrace = TimeSpan.FromSeconds(2);

    /// <summary>Stops and removes a process; a service process is then replaced by the reconciler (like Heroku's ps:stop).</summary>
    public async Task StopAsync(Actor actor, string app, string id, CancellationToken ct = default)
    {
        var process = await RequireAsync(app, id, ct);
        var snapshot = await releases.CurrentAsync(app, ct);
        await runtime.StopAsync(process.Id, snapshot?.GraceFor(process.Service, options.DefaultGrace) ?? options.DefaultGrace, ct);
        await audit.RecordAsync(actor, ProcessAuditActions.ProcessesStop, $"{app}/process/{process.Id}", $"{ProcessNames.Kind(process.Kind)} {process.Service}", ct);
        reconciler.Poke();
    }

    /// <summary>Starts a one-off process of the current release; the caller follows it or leaves it running (detached).</summary>
    public async Task<RuntimeProcess> StartOneOffAsync(Actor actor, string app, RunRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var snapshot = await releases.RequireCurrentAsync(app, ct);
        if (string.IsNullOrWhiteSpace(request.Service))
        {
            throw WharfValidationException.For("service", $"Name the service whose image and config to run: one of {string.Join(", ", snapshot.Manifest.Services.Keys)}.");
        }

        var command = request.Command is { Count: > 0 } given ? given : null;
        var spec = snapshot.Spec(request.Service, ProcessKind.OneOff, command: command);
        var process = await runtime.StartAsync(spec, ct);
        if (!request.Detach)
        {
            attached.Add(process.Id);
        }

        var shown = command is null ? "(the service's command)" : Shorten(string.Join(' ', command));
        await audit.RecordAsync(actor, ProcessAuditActions.ProcessesRun, $"{app}/process/{process.Id}", $"{request.Service}: {shown}", ct);
        return process;
    }

    /// <summary>
    /// Streams an attached one-off's output until it exits, then its exit code; removes it afterwards. When the
    /// caller goes away (<paramref name="ct"/> cancelled) the process is stopped.
    /// </summary>
    /// <param name="opened">Called first, inside the watch: a caller that fails to open its stream still stops the process.</param>
    public async Task FollowAsync(
        RuntimeProcess process, Func<ProcessStreamEvent, CancellationToken, Task> output, CancellationToken ct, Func<CancellationToken, Task>? opened = null)
    {
        ArgumentNullException.ThrowIfNull(process);
        ArgumentNullException.ThrowIfNull(output);
        var finished = false;
        try
        {
            if (opened is not null)
            {
                await opened(ct);
            }

            await foreach (var line in runtime.LogsAsync(process.Id, follow: true, tail: null, ct))
            {
                await output(ToEvent(line), ct);
            }

            var code = await runtime.WaitAsync(process.Id, ct);
            finished = true;
            await output(ProcessStreamEvent.Exit(code), ct);
            await runtime.RemoveAsync(process.Id, CancellationToken.None);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The client went away; the process goes with it (below).
        }
        finally
        {
            attached.Remove(process.Id);
            if (!finished)
            {
                // Nobody follows it any more: a one-off left running would hold on to whatever it was doing.
                await runtime.StopAsync(process.Id, _abandonedGrace, CancellationToken.None);
            }
        }
    }

    /// <summary>Runs a command inside a running process of the app, streaming its output and then its exit code.</summary>
    public async Task ExecAsync(
        Actor actor, string app, string id, ExecRequest request, Func<ProcessStreamEvent, CancellationToken, Task> output, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(output);
        if (request.Command is not { Count: > 0 } command || string.IsNullOrWhiteSpace(command[0]))
        {
            throw WharfValidationException.For("command", "Give the command to run as a list of arguments, e.g. [\"sh\", \"-c\", \"ls /app\"].");
        }

        var process = await RequireAsync(app, id, ct);
        if (process.State != ProcessState.Running)
        {
            throw new ConflictException($"Process {id} of app '{app}' is not running: run `wharf ps -a {app}` to pick a running one.");
        }

        await audit.RecordAsync(actor, ProcessAuditActions.ProcessesExec, $"{app}/process/{process.Id}", Shorten(string.Join(' ', command)), ct);
        var code = await runtime.ExecAsync(process.Id, command, (line, token) => output(ToEvent(line), token), ct);
        await output(ProcessStreamEvent.Exit(code), ct);
    }

    /// <summary>The app's process with this id, or a 404 that says how to find the right one.</summary>
    public async Task<RuntimeProcess> RequireAsync(string app, string id, CancellationToken ct = default)
    {
        await state.Apps.RequireAsync(app, ct);
        var process = await runtime.GetAsync(id, ct);
        return process is not null && process.App == app
            ? process
            : throw new NotFoundException($"App '{app}' has no process '{id}': run `wharf ps -a {app}` to see its processes.");
    }

    private static ProcessStreamEvent ToEvent(ProcessOutput line) =>
        ProcessStreamEvent.Output(line.Stream == OutputChannel.Stderr ? "stderr" : "stdout", line.Text);

    // The audit log shows what was run, not a script pasted into it.
    private static string Shorten(string text) => text.Length <= 200 ? text : text[..199] + "…";
}
