using System.Globalization;
using Wharf.Core.Routing;
using Wharf.Core.Runtime;
using Wharf.Manifest;

namespace Wharf.Core.Deployments;

/// <summary>
/// Waits until one new process is ready: for a public service with a port, running, accepting TCP connections at its
/// address and passing its HTTP health check (GET the health path with the service's host name; 2xx and 3xx
/// pass); for an internal one, accepting TCP connections; for one without a port, still running after the settle time. Fails with what happened and its last lines.
/// </summary>
public sealed class ProcessReadiness(
    IProcessRuntime runtime, IPortProbe probe, IHealthProbe health, DeploymentOptions options, RoutingOptions routing, TimeProvider clock)
{
    /// <summary>How many of a failing process's last lines its error carries.</summary>
    public const int LastLines = 20;

    // One connection attempt never outlasts this, so a poll loop keeps its rhythm on an address that drops packets.
    private static readonly TimeSpan _probeTimeout = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan _logsTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan _fastProbing = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan _fastPause = TimeSpan.FromMilliseconds(4);

    /// <summary>The process once ready; throws <see cref="DeploymentFailedException"/> when it exits, vanishes or misses its deadline.</summary>
    public async Task<RuntimeProcess> WaitAsync(RuntimeProcess process, ServiceManifest service, LiveLog log, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(process);
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(log);
        var started = clock.GetTimestamp();
        var deadline = service.Health.Grace + options.RolloutTimeout;
        var name = $"{service.Name} ({process.Id})";
        var check = new Check();
        RuntimeProcess? now = null;
        var inspectedAt = 0L;
        while (true)
        {
            // The engine is asked for the process's state at the configured interval (and whenever it was not yet
            // running); between those, only its port is probed, which is what tells when it is ready.
            if (now?.State != ProcessState.Running || clock.GetElapsedTime(inspectedAt) >= options.ReadinessPollInterval)
            {
                now = await runtime.GetAsync(process.Id, ct)
                    ?? throw new DeploymentFailedException($"{name} disappeared before it was ready: something else removed it.");
                inspectedAt = clock.GetTimestamp();
                if (now.State == ProcessState.Exited)
                {
                    throw new DeploymentFailedException(await WithLastLinesAsync(Exited(now, service, name, check), now.Id));
                }
            }

            var elapsed = clock.GetElapsedTime(started);
            if (now.State == ProcessState.Running && await IsReadyAsync(now, service, elapsed, check, log, ct))
            {
                var where = service.Port is null ? "running" : $"listening on {now.Address}";
                var passed = check.Last is { } result ? $"; {result.Description}" : "";
                await log.WriteAsync($"{service.Name} {now.Id} {where} after {LogWords.Seconds(clock.GetElapsedTime(started))} s{passed}");
                return now;
            }

            if (clock.GetElapsedTime(started) >= deadline)
            {
                throw new DeploymentFailedException(await WithLastLinesAsync(Late(service, name, deadline, check), now.Id));
            }

            await Task.Delay(Pause(elapsed), clock, ct);
        }
    }

    /// <summary>
    /// How long to wait before the next check. A deploy waits for the first check that finds the process listening,
    /// so in the first second (when most processes start listening) a refused connect is tried again every few
    /// milliseconds; after that, at the configured interval.
    /// </summary>
    private TimeSpan Pause(TimeSpan elapsed) =>
        elapsed < _fastProbing && _fastPause < options.ReadinessPollInterval ? _fastPause : options.ReadinessPollInterval;

    private async Task<bool> IsReadyAsync(RuntimeProcess process, ServiceManifest service, TimeSpan elapsed, Check check, LiveLog log, CancellationToken ct)
    {
        if (service.Port is null)
        {
            return elapsed >= options.WorkerSettleTime;
        }

        if (process.Address is not { } address)
        {
            return false;
        }

        check.Listening = check.Listening || await probe.AcceptsAsync(address, _probeTimeout, ct);
        if (service.Internal)
        {
            // No route, so no rotation to guard: an internal service may speak anything over TCP (a cache, gRPC).
            return check.Listening;
        }

        if (!check.Listening || clock.GetTimestamp() < check.NextAt)
        {
            return false;
        }

        var result = await health.CheckAsync(address, routing.DefaultHost(process.App, service.Name), service.Health.Path, service.Health.Timeout, ct);
        check.NextAt = clock.GetTimestamp() + (long)(options.HealthCheckRetryInterval.TotalSeconds * clock.TimestampFrequency);
        if (!result.Passed && result.Description != check.Last?.Description)
        {
            // Said once per new answer, so a user watching the deploy sees what the process is waiting on.
            await log.WriteAsync($"{service.Name} {process.Id} is listening on {address}; waiting for its health check: {result.Description}");
        }

        check.Last = result;
        return result.Passed;
    }

    private string Exited(RuntimeProcess process, ServiceManifest service, string name, Check check)
    {
        var code = process.ExitCode?.ToString(CultureInfo.InvariantCulture) ?? "unknown";
        var when = service.Port is { } port
            ? check.Listening
                ? "before passing its health check" + (check.Last is { } last ? $" (last: {last.Description})" : "")
                : $"before listening on port {port.ToString(CultureInfo.InvariantCulture)}"
            : $"within {LogWords.Seconds(options.WorkerSettleTime)} s of starting";
        var sentence = $"{name} exited with code {code} {when}";
        if (process.OutOfMemory)
        {
            sentence += service.Scale.MemoryBytes is { } limit
                ? $": killed: out of memory (limit {(limit / (1024 * 1024)).ToString(CultureInfo.InvariantCulture)} MiB)"
                : ": killed: out of memory";
        }

        return sentence;
    }

    private string Late(ServiceManifest service, string name, TimeSpan deadline, Check check)
    {
        if (check.Listening)
        {
            var last = check.Last?.Description ?? $"GET {service.Health.Path} was not tried";
            return $"{name} did not pass its health check within {LogWords.Seconds(deadline)} s: {last}";
        }

        return $"{name} did not {Goal(service)} within {LogWords.Seconds(deadline)} s (health grace {LogWords.Seconds(service.Health.Grace)} s + {LogWords.Seconds(options.RolloutTimeout)} s)"
            + (service.Port is { } port ? $": check that it listens on 0.0.0.0:{port.ToString(CultureInfo.InvariantCulture)} (the PORT variable)" : "");
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

    /// <summary>Where one process's checks stand.</summary>
    private sealed class Check
    {
        public bool Listening { get; set; }

        public long NextAt { get; set; }

        public HealthCheckResult? Last { get; set; }
    }
}
