using Wharf.Core.Deployments;
using Wharf.Core.Runtime;

namespace Wharf.Core.Processes;

/// <summary>Waits until a restart's replacement process runs and, when it has a port, accepts connections on it.</summary>
public sealed class RestartReadiness(IProcessRuntime runtime, IPortProbe probe, TimeProvider clock)
{
    private static readonly TimeSpan _poll = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan _probeTimeout = TimeSpan.FromSeconds(1);

    /// <summary>Null once the process is ready; otherwise a sentence saying why it is not, with its last log lines.</summary>
    public async Task<string?> WaitAsync(RuntimeProcess process, int? port, TimeSpan timeout, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(process);
        var name = $"{process.Service} process {process.Id}";
        var listening = port is { } p ? $"listening on PORT {p}" : "running";
        var deadline = clock.GetUtcNow() + timeout;
        while (true)
        {
            var current = await runtime.GetAsync(process.Id, ct);
            if (current is null)
            {
                return $"{name} was removed before {listening}.";
            }

            if (current.State == ProcessState.Exited)
            {
                var lines = await ProcessLogs.TailAsync(runtime, process.Id, 20, ct);
                var how = current.OutOfMemory ? "was killed: out of memory" : $"exited with code {current.ExitCode}";
                var tail = lines.Count == 0 ? "" : $" Its last lines:\n{string.Join('\n', lines)}";
                return $"{name} {how} before {listening}.{tail}";
            }

            if (current.State == ProcessState.Running
                && (port is null || (current.Address is { } address && await probe.AcceptsAsync(address, _probeTimeout, ct))))
            {
                return null;
            }

            if (clock.GetUtcNow() >= deadline)
            {
                return $"{name} was not {listening} after {timeout.TotalSeconds:0} s.";
            }

            await Task.Delay(_poll, clock, ct);
        }
    }
}
