using Wharf.Runtime.Docker.Engine.Containers.Stats;
using Wharf.Runtime.Docker.Engine.Streams;

namespace Wharf.Runtime.Docker.Engine.Containers;

/// <summary>The life of a container: create, start, observe, stop, remove.</summary>
public interface IDockerContainers
{
    Task<ContainerCreated> CreateAsync(ContainerSpec spec, CancellationToken ct = default);

    /// <summary>Starting a running container is a no-op. Port clashes surface here, as a clear message.</summary>
    Task StartAsync(string id, CancellationToken ct = default);

    /// <summary>
    /// Sends the stop signal and, if the process is still there after <paramref name="grace"/>, SIGKILL.
    /// Stopping a stopped container is a no-op.
    /// </summary>
    Task StopAsync(string id, TimeSpan grace, CancellationToken ct = default);

    Task KillAsync(string id, string signal = "SIGKILL", CancellationToken ct = default);

    Task RemoveAsync(string id, bool force = false, bool removeVolumes = false, CancellationToken ct = default);

    /// <summary>Gives the container a new name; the old one is free for another container at once.</summary>
    Task RenameAsync(string id, string newName, CancellationToken ct = default);

    /// <summary>The container, or null when there is none by that id or name.</summary>
    Task<ContainerInspect?> InspectAsync(string id, CancellationToken ct = default);

    /// <summary>Containers matching the filters; stopped ones too unless <paramref name="all"/> is false.</summary>
    Task<IReadOnlyList<ContainerSummary>> ListAsync(DockerFilters? filters = null, bool all = true, CancellationToken ct = default);

    /// <summary>Blocks until the condition is met; bounded only by the token.</summary>
    Task<ContainerExit> WaitAsync(string id, WaitCondition condition = WaitCondition.NotRunning, CancellationToken ct = default);

    /// <summary>The container's output as lines, stdout and stderr told apart unless it has a TTY.</summary>
    IAsyncEnumerable<LogLine> GetLogsAsync(string id, LogsOptions options, CancellationToken ct = default);

    /// <summary>
    /// The container's log as the engine stores it, entry by entry with nanosecond timestamps: those at or after
    /// <paramref name="sinceUnixNanos"/> (all when null), then, with <paramref name="follow"/>, new ones until the
    /// container stops. What a collector that must resume exactly after the last entry it stored reads.
    /// </summary>
    IAsyncEnumerable<LogRecord> GetLogRecordsAsync(string id, long? sinceUnixNanos, bool follow, CancellationToken ct = default);

    /// <summary>One sample; the engine takes about a second to measure CPU use against.</summary>
    Task<ContainerStats> GetStatsAsync(string id, CancellationToken ct = default);

    /// <summary>A sample about every second until the container stops or the token is cancelled.</summary>
    IAsyncEnumerable<ContainerStats> StreamStatsAsync(string id, CancellationToken ct = default);
}
