using System.Runtime.CompilerServices;
using Wharf.Core.Errors;
using Wharf.Core.Logs;
using Wharf.Core.Runtime;
using Wharf.Runtime.Docker.Engine;
using LogRecord = Wharf.Runtime.Docker.Engine.Streams.LogRecord;

namespace Wharf.Runtime.Docker.Runtime;

/// <summary>
/// Reads Wharf's containers' logs for the collector, from the engine's own copy of them (which outlives the
/// server, not the container): resumable at any line through a <see cref="DockerLogPosition"/>.
/// </summary>
public sealed class DockerProcessLogReader(IDockerClient docker) : IProcessLogReader
{
    public string Name => DockerProcessRuntime.RuntimeName;

    public async Task<IReadOnlyList<LoggedProcess>> ListAsync(CancellationToken ct = default)
    {
        var filters = DockerFilters.WithLabel(ProcessLabels.Managed, ProcessLabels.ManagedValue);
        var containers = await docker.Containers.ListAsync(filters, all: true, ct);
        return
        [
            .. containers
                .Select(c => ToProcess(c.Id, c.Labels, c.State))
                .OfType<LoggedProcess>(),
        ];
    }

    public async Task<LoggedProcess?> GetAsync(string processId, CancellationToken ct = default)
    {
        if (!ProcessIds.IsValid(processId))
        {
            return null;
        }

        var container = await docker.Containers.InspectAsync(processId, ct);
        return container is null ? null : ToProcess(container.Id, container.Config.Labels, container.State.Status);
    }

    public async IAsyncEnumerable<ProcessLogLine> ReadAsync(
        string processId, string? position, bool follow, [EnumeratorCancellation] CancellationToken ct = default)
    {
        if (!ProcessIds.IsValid(processId))
        {
            throw Gone(processId);
        }

        var tracker = new DockerLogTracker(DockerLogPosition.Parse(position));
        var records = docker.Containers.GetLogRecordsAsync(processId, tracker.Since, follow, ct).GetAsyncEnumerator(ct);
        try
        {
            while (await NextAsync(records, processId))
            {
                if (tracker.Push(records.Current) is { } line)
                {
                    yield return line;
                }
            }
        }
        finally
        {
            await records.DisposeAsync();
        }

        foreach (var line in tracker.Flush())
        {
            yield return line;
        }
    }

    private static async Task<bool> NextAsync(IAsyncEnumerator<LogRecord> records, string processId)
    {
        try
        {
            return await records.MoveNextAsync();
        }
        catch (DockerEngineException e) when (e.IsNotFound)
        {
            throw Gone(processId, e);
        }
    }

    private static LoggedProcess? ToProcess(string containerId, IReadOnlyDictionary<string, string>? labels, string? state) =>
        ProcessIdentity.TryRead(labels, out var identity)
            ? new LoggedProcess(
                ProcessIds.FromContainerId(containerId),
                identity.App,
                identity.Service,
                identity.Release,
                ProcessStates.FromEngine(state) == ProcessState.Running)
            : null;

    private static NotFoundException Gone(string processId) => new(GoneMessage(processId));

    private static NotFoundException Gone(string processId, Exception inner) => new(GoneMessage(processId), inner);

    private static string GoneMessage(string processId) => $"Process {processId} does not exist any more: its output went with it.";
}
