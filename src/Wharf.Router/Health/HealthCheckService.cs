using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Wharf.Router.Routing;

namespace Wharf.Router.Health;

/// <summary>
/// Runs the active checks: one loop per backend in the table, started when it joins and stopped when it leaves
/// (after every swap). Each loop checks on the <see cref="CheckSchedule"/> and hands the outcome to the backend.
/// </summary>
internal sealed class HealthCheckService : BackgroundService
{
    private readonly RoutingState _routing;
    private readonly BackendProbe _probe;
    private readonly TimeProvider _time;
    private readonly ILogger<HealthCheckService> _logger;
    private readonly Channel<bool> _changed = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly Dictionary<LiveBackend, RunningCheck> _running = new(ReferenceEqualityComparer.Instance);

    public HealthCheckService(RouteTableStore store, RoutingState routing, BackendProbe probe, TimeProvider time, ILogger<HealthCheckService> logger)
    {
        // The store is asked for so the saved table is loaded before the first round: its backends get checked too.
        ArgumentNullException.ThrowIfNull(store);
        _routing = routing;
        _probe = probe;
        _time = time;
        _logger = logger;
    }

    /// <summary>The backends being checked now (tests look).</summary>
    internal IReadOnlyCollection<LiveBackend> Checking
    {
        get
        {
            lock (_running)
            {
                return [.. _running.Keys];
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _routing.Applied += OnApplied;
        try
        {
            while (true)
            {
                Reconcile(stoppingToken);
                await _changed.Reader.ReadAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            _routing.Applied -= OnApplied;
            await StopAllAsync();
        }
    }

    private void OnApplied() => _changed.Writer.TryWrite(true);

    private void Reconcile(CancellationToken stoppingToken)
    {
        var backends = _routing.Current.Backends;
        var wanted = new HashSet<LiveBackend>(backends, ReferenceEqualityComparer.Instance);
        lock (_running)
        {
            foreach (var (backend, check) in _running.ToArray())
            {
                if (!wanted.Contains(backend))
                {
                    check.Stop.Cancel();
                    _ = check.Loop.ContinueWith(static (_, stop) => ((CancellationTokenSource)stop!).Dispose(), check.Stop, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
                    _running.Remove(backend);
                    HealthLog.ChecksStopped(_logger, backend.Address);
                }
            }

            foreach (var backend in backends)
            {
                if (!_running.ContainsKey(backend))
                {
                    var stop = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                    var loop = Task.Run(() => CheckLoopAsync(backend, stop.Token), CancellationToken.None);
                    _running.Add(backend, new RunningCheck(stop, loop));
                    HealthLog.ChecksStarted(_logger, backend.Address, backend.Route.Health.Interval.TotalSeconds, backend.Route.Health.Path);
                }
            }
        }
    }

    private async Task CheckLoopAsync(LiveBackend backend, CancellationToken ct)
    {
        try
        {
            var first = true;
            while (true)
            {
                var ejected = backend.NextEjection;
                var delay = CheckSchedule.NextDelay(backend.HealthView(), backend.Route.Health, first);
                first = false;
                if (delay > TimeSpan.Zero && !await SleepAsync(delay, ejected, ct))
                {
                    continue;
                }

                // Ejected while it slept: the next round waits out the cool-off.
                if (backend.HealthView().CoolOffLeft > TimeSpan.Zero)
                {
                    continue;
                }

                await CheckOnceAsync(backend, ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    /// <summary>Waits <paramref name="delay"/>; false when <paramref name="wake"/> came first (the plan changed).</summary>
    private async Task<bool> SleepAsync(TimeSpan delay, Task wake, CancellationToken ct)
    {
        using var sleeping = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var elapsed = Task.Delay(delay, _time, sleeping.Token);
        var first = await Task.WhenAny(elapsed, wake);
        ct.ThrowIfCancellationRequested();
        if (first == elapsed)
        {
            return true;
        }

        await sleeping.CancelAsync();
        return false;
    }

    private async Task CheckOnceAsync(LiveBackend backend, CancellationToken ct)
    {
        try
        {
            backend.RecordCheck(await _probe.CheckAsync(backend.Route, backend.Address, ct));
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // A bug in one check must not end the backend's checks for good.
            HealthLog.CheckCrashed(_logger, backend.Address, e);
            await Task.Delay(CheckSchedule.RetryInterval, _time, ct);
        }
    }

    private async Task StopAllAsync()
    {
        RunningCheck[] checks;
        lock (_running)
        {
            checks = [.. _running.Values];
            _running.Clear();
        }

        foreach (var check in checks)
        {
            await check.Stop.CancelAsync();
        }

        await Task.WhenAll(checks.Select(c => c.Loop));
        foreach (var check in checks)
        {
            check.Stop.Dispose();
        }
    }

    private sealed record RunningCheck(CancellationTokenSource Stop, Task Loop);
}
