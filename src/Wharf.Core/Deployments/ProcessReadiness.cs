using System.Globalization;
using Wharf.Core.Runtime;
using Wharf.Manifest;

namespace Wharf.Core.Deployments;

/// <summary>
/// Waits until one new process is ready: running and, for a service with a port, accepting TCP connections at its
/// address; for one without a port, still running after the settle time. Fails with what happened and its last lines.
/// </summary>
public sealed class ProcessReadiness(IProcessRuntime runtime, IPortProbe probe, DeploymentOptions options, TimeProvider clock)
{
    /// <summary>How many of a failing process's last lines its error carries.</summary>
    public const int LastLines = 20;

    // One connection attempt never outlasts this, so a poll loop keeps its rhythm on an address that drops packets.
    private static readonly TimeSpan _probeTimeout = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan _logsTimeout = TimeSpan.FromSeconds(5);

    /// <summary>The process once ready; throws <see cref="DeploymentFailedException"/> when it exits, vanishes or misses its deadline.</summary>
    public async Task<RuntimeProcess> WaitAsync(RuntimeProcess process, ServiceManifest service, LiveLog log, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(process);
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(log);
        var started = clock.GetTimestamp();
        var deadline = service.Health.Grace + options.RolloutTimeout;
        var name = $"{service.Name} ({process.Id})";
        while (true)
        {
            var now = await runtime.GetAsync(process.Id, ct)
                ?? throw new DeploymentFailedException($"{name} disappeared before it was ready: something else removed it.");
            var elapsed = clock.GetElapsedTime(started);
            if (now.State == ProcessState.Exited)
            {
                throw new DeploymentFailedException(await WithLastLinesAsync(Exited(now, service, name), now.Id));
            }

            if (now.State == ProcessState.Running && await IsReadyAsync(now, service, elapsed, ct))
            {
                var where = service.Port is null ? "running" : $"listening on {now.Address}";
                await log.WriteAsync($"{service.Name} {now.Id} {where} after {Seconds(elapsed)} s");
                return now;
            }

            if (elapsed >= deadline)
            {
                var sentence = $"{name} did not {Goal(service)} within {Seconds(deadline)} s (health grace {Seconds(service.Health.Grace)} s + {Seconds(options.RolloutTimeout)} s)"
                    + (service.Port is { } port ? $": check that it listens on 0.0.0.0:{port} (the PORT variable)" : "");
                throw new DeploymentFailedException(await WithLastLinesAsync(sentence, now.Id));
            }

            await Task.Delay(options.ReadinessPollInterval, clock, ct);
        }
    }

    private async Task<bool> IsReadyAsync(RuntimeProcess process, ServiceManifest service, TimeSpan elapsed, CancellationToken ct)
    {
        if (service.Port is null)
        {
            return elapsed >= options.WorkerSettleTime;
        }

        return process.Address is { } address && await probe.AcceptsAsync(address, _probeTimeout, ct);
    }

    private string Exited(RuntimeProcess process, ServiceManifest service, string name)
    {
        var code = process.ExitCode?.ToString(CultureInfo.InvariantCulture) ?? "unknown";
        var when = service.Port is { } port
            ? $"before listening on port {port.ToString(CultureInfo.InvariantCulture)}"
            : $"within {Seconds(options.WorkerSettleTime)} s of starting";
        var sentence = $"{name} exited with code {code} {when}";
        if (process.OutOfMemory)
        {
            sentence += service.Scale.MemoryBytes is { } limit
                ? $": killed: out of memory (limit {(limit / (1024 * 1024)).ToString(CultureInfo.InvariantCulture)} MiB)"
                : ": killed: out of memory";
        }

        return sentence;
    }

    private async Task<string> WithLastLinesAsync(string sentence, string id)
    {
        var lines = new List<string>();
        using var timeout = new CancellationTokenSource(_logsTimeout);
        try
        {
            await foreach (var line in runtime.LogsAsync(id, follow: false, tail: LastLines, timeout.Token))
            {
                lines.Add(line.Text);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || timeout.IsCancellationRequested)
        {
            // Its output is a help, not the point: the failure is reported with what could be read.
        }

        var last = lines.Skip(Math.Max(0, lines.Count - LastLines)).ToList();
        return last.Count == 0
            ? sentence + ". It wrote nothing."
            : $"{sentence}. Its last {(last.Count == 1 ? "line" : $"{last.Count} lines")}:\n{string.Join('\n', last)}";
    }

    private static string Goal(ServiceManifest service) =>
        service.Port is { } port ? $"listen on port {port.ToString(CultureInfo.InvariantCulture)}" : "start running";

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture);
}
