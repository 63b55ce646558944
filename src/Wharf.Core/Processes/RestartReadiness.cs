using Wharf.Core.Deployments;
using Wharf.Core.Routing;
using Wharf.Core.Runtime;
using Wharf.Manifest;

namespace Wharf.Core.Processes;

/// <summary>
/// Waits until a restart's replacement process runs and, when it has a port, accepts connections on it and passes
/// its HTTP health check (the same one a rollout makes).
/// </summary>
public sealed class RestartReadiness(IProcessRuntime runtime, IPortProbe probe, IHealthProbe health, RoutingOptions routing, TimeProvider clock)
{
    private static readonly TimeSpan _poll = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan _probeTimeout = TimeSpan.FromSeconds(1);

    /// <summary>Null once the process is ready; otherwise a sentence saying why it is not, with its last log lines.</summary>
    public async Task<string?> WaitAsync(RuntimeProcess process, ServiceManifest service, TimeSpan timeout, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(process);
        ArgumentNullException.ThrowIfNull(service);
        var name = $"{process.Service} process {process.Id}";
        var listening = service.Port is { } p ? $"listening on PORT {p}" : "running";
        var deadline = clock.GetUtcNow() + timeout;
        var accepted = false;
        HealthCheckResult? last = null;
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
                var before = accepted ? $"before passing its health check{(last is null ? "" : $" ({last.Description})")}" : $"before {listening}";
                var tail = lines.Count == 0 ? "" : $" Its last lines:\n{string.Join('\n', lines)}";
                return $"{name} {how} {before}.{tail}";
            }

            if (current.State == ProcessState.Running)
            {
                if (service.Port is null)
                {
                    return null;
                }

                if (current.Address is { } address)
                {
                    accepted = accepted || await probe.AcceptsAsync(address, _probeTimeout, ct);
                    if (accepted)
                    {
                        last = await health.CheckAsync(
                            address, routing.DefaultHost(process.App, service.Name), service.Health.Path, service.Health.Timeout, ct);
                        if (last.Passed)
                        {
                            return null;
                        }
                    }
                }
            }

            if (clock.GetUtcNow() >= deadline)
            {
                return accepted
                    ? $"{name} did not pass its health check within {timeout.TotalSeconds:0} s: {last?.Description ?? "no check was made"}."
                    : $"{name} was not {listening} after {timeout.TotalSeconds:0} s.";
            }

            await Task.Delay(_poll, clock, ct);
        }
    }
}
