namespace Wharf.Core.Runtime;

/// <summary>
/// Runs processes. One implementation per runtime (Docker engine now; Swarm or Kubernetes later), picked by
/// <see cref="Name"/>; the rest of Wharf never knows which one runs. Processes outlive the Wharf server: they are
/// found again by <see cref="ListAsync"/> after it restarts.
/// </summary>
public interface IProcessRuntime
{
    string Name { get; }

    /// <summary>Creates and starts the process (and the app's private network, the first time).</summary>
    Task<RuntimeProcess> StartAsync(ProcessSpec spec, CancellationToken ct = default);

    /// <summary>Every process of the app (or of all apps), running or exited.</summary>
    Task<IReadOnlyList<RuntimeProcess>> ListAsync(string? app = null, CancellationToken ct = default);

    Task<RuntimeProcess?> GetAsync(string id, CancellationToken ct = default);

    /// <summary>Asks the process to stop (SIGTERM), kills it after <paramref name="grace"/>, then removes it. No-op when gone.</summary>
    Task StopAsync(string id, TimeSpan grace, CancellationToken ct = default);

    /// <summary>Removes an exited process. No-op when gone.</summary>
    Task RemoveAsync(string id, CancellationToken ct = default);

    /// <summary>The process's output; the last <paramref name="tail"/> lines first (all when null), then new ones while following.</summary>
    IAsyncEnumerable<ProcessOutput> LogsAsync(string id, bool follow, int? tail = null, CancellationToken ct = default);

    /// <summary>Waits until the process exits and returns its exit code.</summary>
    Task<int> WaitAsync(string id, CancellationToken ct = default);

    /// <summary>Runs a command inside a running process, streaming its output; returns its exit code.</summary>
    Task<int> ExecAsync(string id, IReadOnlyList<string> command, Func<ProcessOutput, CancellationToken, Task> output, CancellationToken ct = default);

    /// <summary>CPU and memory now, or null when the process is not running.</summary>
    Task<ProcessStats?> StatsAsync(string id, CancellationToken ct = default);

    /// <summary>Stops and removes every process of the app and its network.</summary>
    Task RemoveAppAsync(string app, CancellationToken ct = default);
}
