using Microsoft.Extensions.Logging;
using Wharf.Core.Routing;
using Wharf.Router.Health;
using Wharf.Router.Metrics;

namespace Wharf.Router.Routing;

/// <summary>
/// A backend as the router lives with it: its in-flight count, health and ejection, kept across table swaps (the
/// object is reused while its process stays in the table, and kept while requests are still in flight after it left).
/// The hot path (<see cref="IsPickable"/>, <see cref="Enter"/>, <see cref="Leave"/>) reads volatile fields and uses
/// Interlocked counters; health changes, which are rare, take a lock.
/// </summary>
internal sealed class LiveBackend : ILiveBackend
{
    /// <summary>Failed checks in a row that take a healthy backend out of rotation: one blip (a GC pause, one slow answer) should not.</summary>
    public const int FailuresToLeaveRotation = 2;

    private const string WaitingReason = "waiting for its first passing health check";
    private static long _pools;

    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly TimeSpan _coolOff;
    private readonly ILogger _logger;
    private int _inFlight;
    private volatile bool _inRotation;
    private volatile bool _unreachable;
    private volatile bool _retired;
    private volatile Route _route;
    private volatile int _release;
    private volatile RequestMetricsCell _metrics;
    private TaskCompletionSource? _idle;
    private TaskCompletionSource _ejectedSignal = NewSignal();

    // Guarded by _gate.
    private BackendPhase _phase;
    private string? _reason;
    private int _failures;
    private bool _ejected;
    private long _ejectedUntil;
    private long _retiredAt;

    public LiveBackend(BackendKey key, Route route, int release, RequestMetricsCell metrics, bool inRotation, TimeProvider time, TimeSpan coolOff, ILogger logger)
    {
        _metrics = metrics;
        Key = key;
        _route = route;
        _release = release;
        _time = time;
        _coolOff = coolOff;
        _logger = logger;
        _phase = inRotation ? BackendPhase.Healthy : BackendPhase.Pending;
        _reason = inRotation ? null : WaitingReason;
        _inRotation = inRotation;
    }

    public BackendKey Key { get; }

    public string ProcessId => Key.ProcessId;

    public string Address => Key.Address;

    public string ConnectionPool { get; } = "b" + Interlocked.Increment(ref _pools).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public int Release => _release;

    public RequestMetricsCell Metrics => _metrics;

    /// <summary>The route it serves (the first one listing it): its health check and the names in its status.</summary>
    public Route Route => _route;

    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>In rotation: healthy, not ejected, still in the table.</summary>
    public bool IsPickable => _inRotation && !_retired;

    /// <summary>
    /// Worth a try when no backend of its route is in rotation: it is waiting for its first check or failing its
    /// checks while still accepting connections. Never one that refused or dropped connections.
    /// </summary>
    public bool IsLastResort => !_inRotation && !_unreachable && !_retired;

    public bool InTable => !_retired;

    public void Enter() => Interlocked.Increment(ref _inFlight);

    public void Leave()
    {
        if (Interlocked.Decrement(ref _inFlight) == 0)
        {
            Volatile.Read(ref _idle)?.TrySetResult();
        }
    }

    public void ReportFailure(string reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        bool wasInRotation;
        TaskCompletionSource ejectedSignal;
        lock (_gate)
        {
            ejectedSignal = _ejectedSignal;
            _ejectedSignal = NewSignal();
            wasInRotation = _inRotation;
            _ejected = true;
            _ejectedUntil = _time.GetTimestamp() + ToTimestampTicks(_coolOff);
            _reason = reason;
            _unreachable = true;
            _inRotation = false;
        }

        // The health checker replans: it checks when the cool-off ends, not at its next regular check.
        ejectedSignal.TrySetResult();
        if (wasInRotation)
        {
            RoutingLog.BackendEjected(_logger, Route.Service, Route.App, ProcessId, Address, reason, _coolOff.TotalSeconds);
        }
    }

    /// <summary>Takes in an active check's outcome; ignored while an ejection's cool-off runs (the check raced a failure).</summary>
    public void RecordCheck(CheckResult result)
    {
        bool wasInRotation, isInRotation;
        lock (_gate)
        {
            if (_ejected)
            {
                if (CoolOffLeftLocked() > TimeSpan.Zero)
                {
                    return;
                }

                _ejected = false;
            }

            wasInRotation = _inRotation;
            if (result.Passed)
            {
                _phase = BackendPhase.Healthy;
                _failures = 0;
                _reason = null;
                _unreachable = false;
                _inRotation = true;
            }
            else
            {
                _failures++;
                _unreachable = result.Unreachable;
                if (!(wasInRotation && _failures < FailuresToLeaveRotation))
                {
                    _phase = _phase == BackendPhase.Pending ? BackendPhase.Pending : BackendPhase.Unhealthy;
                    _reason = result.Failure;
                    _inRotation = false;
                }
            }

            isInRotation = _inRotation;
        }

        if (isInRotation && !wasInRotation)
        {
            RoutingLog.BackendInRotation(_logger, Route.Service, Route.App, ProcessId, Address);
        }
        else if (wasInRotation && !isInRotation)
        {
            RoutingLog.BackendOutOfRotation(_logger, Route.Service, Route.App, ProcessId, Address, result.Failure ?? "");
        }
    }

    /// <summary>Completes at the next ejection (<see cref="ReportFailure"/>): take it before planning a wait, to wake from it.</summary>
    public Task NextEjection
    {
        get
        {
            lock (_gate)
            {
                return _ejectedSignal.Task;
            }
        }
    }

    /// <summary>What the health checker needs to plan the next check.</summary>
    public BackendHealthView HealthView()
    {
        lock (_gate)
        {
            return new BackendHealthView(_phase, _inRotation, _failures, _ejected ? CoolOffLeftLocked() : TimeSpan.Zero);
        }
    }

    public BackendStatus ToStatus()
    {
        var route = Route;
        lock (_gate)
        {
            var reason = _retired ? "no longer in the table: draining" : _inRotation ? null : _reason;
            return new BackendStatus(route.App, route.Service, ProcessId, Address, IsPickable, reason, InFlight);
        }
    }

    /// <summary>It left the table; true the first time (it was in the table until now).</summary>
    public bool Retire()
    {
        lock (_gate)
        {
            if (_retired)
            {
                return false;
            }

            _retiredAt = _time.GetTimestamp();
            _retired = true;
            return true;
        }
    }

    /// <summary>It is in the (new) table: serving <paramref name="route"/> with its state as it was.</summary>
    public void Rejoin(Route route, int release, RequestMetricsCell metrics)
    {
        _route = route;
        _release = release;
        _metrics = metrics;
        lock (_gate)
        {
            _retired = false;
        }
    }

    /// <summary>How long ago it left the table; zero while it is in it.</summary>
    public TimeSpan RetiredFor()
    {
        lock (_gate)
        {
            return _retired ? _time.GetElapsedTime(_retiredAt) : TimeSpan.Zero;
        }
    }

    /// <summary>
    /// Completes once no request is in flight. A backend that left the table a moment ago first waits out
    /// <paramref name="settle"/>: a request that picked it from the previous table just before the swap may not
    /// have called <see cref="Enter"/> yet.
    /// </summary>
    public async Task WhenDrainedAsync(TimeSpan settle, CancellationToken ct)
    {
        while (true)
        {
            var retiredFor = RetiredFor();
            if (_retired && retiredFor < settle)
            {
                await Task.Delay(settle - retiredFor, _time, ct);
                continue;
            }

            var idle = WhenIdle();
            if (idle.IsCompleted)
            {
                return;
            }

            await idle.WaitAsync(ct);
        }
    }

    private Task WhenIdle()
    {
        while (true)
        {
            var current = Volatile.Read(ref _idle);
            if (current is null || current.Task.IsCompleted)
            {
                var fresh = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                if (Interlocked.CompareExchange(ref _idle, fresh, current) != current)
                {
                    continue;
                }

                current = fresh;
            }

            // Read after publishing: a Leave that reached zero before it saw the new source is caught here.
            return InFlight == 0 ? Task.CompletedTask : current.Task;
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private TimeSpan CoolOffLeftLocked()
    {
        var left = _ejectedUntil - _time.GetTimestamp();
        return left <= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds((double)left / _time.TimestampFrequency);
    }

    private long ToTimestampTicks(TimeSpan span) => (long)(span.TotalSeconds * _time.TimestampFrequency);
}
