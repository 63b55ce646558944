using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Wharf.Core.Errors;
using Wharf.Core.Runtime;
using Wharf.Runtime.Docker.Engine;
using Wharf.Runtime.Docker.Engine.Containers;
using Wharf.Runtime.Docker.Engine.Streams;
using IProcessLogCollector = Wharf.Core.Logs.IProcessLogCollector;
using LoggedProcess = Wharf.Core.Logs.LoggedProcess;

namespace Wharf.Runtime.Docker.Runtime;

/// <summary>
/// Runs processes as containers on one Docker engine. The containers' labels are the only state: a new instance
/// (after a server restart) finds every process again through <see cref="ListAsync"/>. Containers without the
/// wharf.managed label are invisible to it and never stopped or removed, whatever id is passed.
/// </summary>
public sealed class DockerProcessRuntime : IProcessRuntime, IDisposable
{
    public const string RuntimeName = "docker";

    // RemoveAppAsync has no grace of its own to honour: the app is being deleted.
    private static readonly TimeSpan _removeAppGrace = TimeSpan.FromSeconds(10);

    private readonly IDockerClient _docker;
    private readonly ILogger _logger;
    private readonly AppNetworks _networks;
    private readonly ProcessDetailsCache _details = new();
    private readonly IProcessLogCollector? _logs;

    /// <param name="logs">
    /// The log collector, when the host collects logs: told of each process started, and asked to store an exited
    /// process's last lines before the process (and the engine's copy of its output) is removed.
    /// </param>
    public DockerProcessRuntime(IDockerClient docker, ILogger<DockerProcessRuntime> logger, IProcessLogCollector? logs = null)
    {
        _docker = docker;
        _logger = logger;
        _logs = logs;
        _networks = new AppNetworks(docker, logger);
    }

    public string Name => RuntimeName;

    /// <summary>The app networks, shared with the resource runtime: two creators of one network must take turns.</summary>
    internal AppNetworks Networks => _networks;

    public async Task<RuntimeProcess> StartAsync(ProcessSpec spec, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        await _networks.EnsureRememberedAsync(spec.App, ct);
        var name = ContainerNames.Container(spec);
        ContainerCreated created;
        try
        {
            created = await CreateAndStartAsync(spec, name, ct);
        }
        catch (DockerEngineException e) when (e.IsNotFound && _networks.Forget(spec.App))
        {
            // The app's network was removed behind Wharf's back (`docker network prune`): make it again, once.
            await _networks.EnsureAsync(spec.App, ct);
            created = await CreateAndStartAsync(spec, name, ct);
        }

        var processId = ProcessIds.FromContainerId(created.Id);
        _logs?.Started(new LoggedProcess(processId, spec.App, spec.Service, spec.Release, Running: true));
        var kind = ProcessKinds.ToLabel(spec.Kind);
        RuntimeLog.ProcessStarted(_logger, processId, name, spec.App, spec.Service, spec.Release, kind);
        var container = await _docker.Containers.InspectAsync(created.Id, ct);
        return (container is null ? null : ProcessMapper.FromInspect(container))
            ?? throw new DockerEngineException($"Process {processId} ({name}) was removed right after it started.");
    }

    public async Task<IReadOnlyList<RuntimeProcess>> ListAsync(string? app = null, CancellationToken ct = default)
    {
        var filters = DockerFilters.WithLabel(ProcessLabels.Managed, ProcessLabels.ManagedValue);
        if (app is not null)
        {
            filters = filters.Label(ProcessLabels.App, app);
        }

        var containers = await _docker.Containers.ListAsync(filters, all: true, ct);
        var processes = await Task.WhenAll(containers.Select(c => ToProcessAsync(c, ct)));
        _details.Retain(app, containers.Select(c => c.Id).ToHashSet(StringComparer.Ordinal));
        return [.. processes.OfType<RuntimeProcess>().OrderBy(p => p.CreatedAt).ThenBy(p => p.Id, StringComparer.Ordinal)];
    }

    public async Task<RuntimeProcess?> GetAsync(string id, CancellationToken ct = default) =>
        await FindAsync(id, ct) is { } container ? ProcessMapper.FromInspect(container) : null;

    public async Task StopAsync(string id, TimeSpan grace, CancellationToken ct = default)
    {
        if (await FindAsync(id, ct) is { } container)
        {
            await StopAndRemoveAsync(container.Id, container.Name, ProcessStates.FromEngine(container.State.Status), grace, ct, drain: true);
        }
    }

    public async Task RemoveAsync(string id, CancellationToken ct = default)
    {
        if (await FindAsync(id, ct) is { } container)
        {
            await DrainLogsAsync(container.Id, ct);
            await RemoveContainerAsync(container.Id, ct);
            var processId = ProcessIds.FromContainerId(container.Id);
            var name = container.Name.TrimStart('/');
            RuntimeLog.ProcessRemoved(_logger, processId, name);
        }
    }

    public async IAsyncEnumerable<ProcessOutput> LogsAsync(
        string id, bool follow, int? tail = null, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var container = await FindAsync(id, ct) ?? throw ProcessNotFound(id);
        var options = new LogsOptions { Follow = follow, Tail = tail, Timestamps = true };
        await foreach (var line in _docker.Containers.GetLogsAsync(container.Id, options, ct))
        {
            if (ToChannel(line.Source) is { } channel)
            {
                yield return new ProcessOutput(channel, line.Text, line.Timestamp);
            }
        }
    }

    public async Task<int> WaitAsync(string id, CancellationToken ct = default)
    {
        var container = await FindAsync(id, ct) ?? throw ProcessNotFound(id);
        var exit = await _docker.Containers.WaitAsync(container.Id, WaitCondition.NotRunning, ct);
        return (int)exit.ExitCode;
    }

    public async Task<int> ExecAsync(
        string id, IReadOnlyList<string> command, Func<ProcessOutput, CancellationToken, Task> output, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(output);
        var container = await FindAsync(id, ct) ?? throw ProcessNotFound(id);
        if (ProcessStates.FromEngine(container.State.Status) != ProcessState.Running)
        {
            throw new ConflictException($"Process {id} is not running ({container.State.Status}): a command can only run inside a running process.");
        }

        var execId = await _docker.Exec.CreateAsync(container.Id, new ExecSpec { Cmd = command }, ct);
        await foreach (var line in _docker.Exec.StartAsync(execId, tty: false, ct))
        {
            if (line.Source == LogSource.System)
            {
                throw new DockerEngineException($"Running {string.Join(' ', command)} in process {id} failed: {line.Text}");
            }

            if (ToChannel(line.Source) is { } channel)
            {
                await output(new ProcessOutput(channel, line.Text, null), ct);
            }
        }

        return await ExecExitCodes.WaitAsync(_docker.Exec, execId, id, ct);
    }

    public async Task<ProcessStats?> StatsAsync(string id, CancellationToken ct = default)
    {
        var container = await FindAsync(id, ct);
        if (container is null || !container.State.Running)
        {
            return null;
        }

        try
        {
            var stats = await _docker.Containers.GetStatsAsync(container.Id, ct);
            long? limit = container.HostConfig.Memory > 0 ? container.HostConfig.Memory : null;
            return new ProcessStats(stats.CpuPercent, stats.MemoryUsageBytes, limit);
        }
        catch (DockerEngineException e) when (e.IsNotFound)
        {
            return null;
        }
    }

    public async Task RemoveAppAsync(string app, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(app);
        var filters = DockerFilters.WithLabel(ProcessLabels.Managed, ProcessLabels.ManagedValue).Label(ProcessLabels.App, app);
        var containers = await _docker.Containers.ListAsync(filters, all: true, ct);
        await Task.WhenAll(containers.Select(c =>
            StopAndRemoveAsync(c.Id, c.Names is [var first, ..] ? first : c.Id, ProcessStates.FromEngine(c.State), _removeAppGrace, ct)));
        await _networks.RemoveAsync(app, ct);
        RuntimeLog.AppRemoved(_logger, app, containers.Count);
    }

    public void Dispose() => _networks.Dispose();

    private async Task<ContainerCreated> CreateAndStartAsync(ProcessSpec spec, string name, CancellationToken ct)
    {
        var created = await _docker.Containers.CreateAsync(ProcessContainerSpec.From(spec, name), ct);
        try
        {
            await _docker.Containers.StartAsync(created.Id, ct);
        }
        catch (Exception e)
        {
            // A created container that never ran would show up as a process nobody asked for.
            RuntimeLog.StartFailed(_logger, name, spec.App, spec.Service, e);
            await RemoveContainerAsync(created.Id, CancellationToken.None);
            throw;
        }

        return created;
    }

    private async Task<RuntimeProcess?> ToProcessAsync(ContainerSummary summary, CancellationToken ct)
    {
        if (!ProcessIdentity.TryRead(summary.Labels, out var identity))
        {
            return null;
        }

        var details = _details.Get(summary.Id, summary.State);
        if (details is null)
        {
            // Gone between the list and the inspect: it is no process any more.
            if (await _docker.Containers.InspectAsync(summary.Id, ct) is not { } container)
            {
                return null;
            }

            details = ProcessDetails.From(container);
            _details.Set(summary.Id, identity.App, details);
        }

        return ProcessMapper.FromSummary(summary, identity, details);
    }

    /// <summary>The container behind a process id, when there is one and Wharf made it.</summary>
    private async Task<ContainerInspect?> FindAsync(string id, CancellationToken ct)
    {
        if (!ProcessIds.IsValid(id))
        {
            return null;
        }

        var container = await _docker.Containers.InspectAsync(id, ct);
        return container is not null && ProcessIdentity.TryRead(container.Config.Labels, out _) ? container : null;
    }

    /// <param name="drain">Store the process's last lines first: not for an app being deleted, whose log goes too.</param>
    private async Task StopAndRemoveAsync(string containerId, string name, ProcessState state, TimeSpan grace, CancellationToken ct, bool drain = false)
    {
        if (state == ProcessState.Running)
        {
            try
            {
                // The engine sends the container's stop signal (SIGTERM), then SIGKILL once the grace is over.
                await _docker.Containers.StopAsync(containerId, grace, ct);
            }
            catch (DockerEngineException e) when (e.IsNotFound)
            {
                _details.Forget(containerId);
                return;
            }
        }

        if (drain)
        {
            await DrainLogsAsync(containerId, ct);
        }

        await RemoveContainerAsync(containerId, ct);
        var processId = ProcessIds.FromContainerId(containerId);
        var containerName = name.TrimStart('/');
        RuntimeLog.ProcessStopped(_logger, processId, containerName, grace);
    }

    private Task DrainLogsAsync(string containerId, CancellationToken ct) =>
        _logs?.DrainAsync(ProcessIds.FromContainerId(containerId), ct) ?? Task.CompletedTask;

    private async Task RemoveContainerAsync(string containerId, CancellationToken ct)
    {
        try
        {
            await _docker.Containers.RemoveAsync(containerId, force: true, ct: ct);
        }
        catch (DockerEngineException e) when (e.IsNotFound || e.IsConflict)
        {
            // Gone already, or another caller's removal is in progress: either way it is going.
        }

        _details.Forget(containerId);
    }

    private static OutputChannel? ToChannel(LogSource source) => source switch
    {
        LogSource.StdOut => OutputChannel.Stdout,
        LogSource.StdErr => OutputChannel.Stderr,
        _ => null,
    };

    private static NotFoundException ProcessNotFound(string id) =>
        new($"Process {id} does not exist: it may have exited and been removed. Run `wharf ps` to see the processes.");
}
