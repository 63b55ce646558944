using Microsoft.Extensions.Logging;

namespace Wharf.Core.Deployments;

/// <summary>
/// Runs deployments one at a time per app, in the order they were queued; different apps run side by side.
/// The worker hands it the code that runs one (<see cref="Start"/>); until then deployments wait.
/// </summary>
public sealed class DeploymentDispatcher(ILogger<DeploymentDispatcher> logger)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Lane> _lanes = new(StringComparer.Ordinal);
    private Func<DeploymentTicket, Task>? _run;
    private CancellationToken _stopping;

    /// <summary>Starts running queued deployments with <paramref name="run"/>, which must not throw.</summary>
    public void Start(Func<DeploymentTicket, Task> run, CancellationToken stopping)
    {
        ArgumentNullException.ThrowIfNull(run);
        lock (_lock)
        {
            _run = run;
            _stopping = stopping;
            foreach (var lane in _lanes.Values)
            {
                StartNext(lane);
            }
        }
    }

    /// <summary>True while a deployment of the app runs or waits.</summary>
    public bool IsBusy(string app)
    {
        lock (_lock)
        {
            return _lanes.ContainsKey(app);
        }
    }

    public void Enqueue(string app, int id)
    {
        lock (_lock)
        {
            if (!_lanes.TryGetValue(app, out var lane))
            {
                lane = new Lane(app);
                _lanes[app] = lane;
            }

            lane.Waiting.Add(id);
            StartNext(lane);
        }
    }

    /// <summary>
    /// Takes a waiting deployment out of the queue (<see cref="CancelOutcome.Dequeued"/>), or cancels a running one
    /// (<see cref="CancelOutcome.Running"/>, with its ticket to await); <see cref="CancelOutcome.NotQueued"/> when neither.
    /// </summary>
    public (CancelOutcome Outcome, DeploymentTicket? Ticket) Cancel(string app, int id, string by)
    {
        lock (_lock)
        {
            if (!_lanes.TryGetValue(app, out var lane))
            {
                return (CancelOutcome.NotQueued, null);
            }

            if (lane.Waiting.Remove(id))
            {
                DropIfIdle(lane);
                return (CancelOutcome.Dequeued, null);
            }

            if (lane.Current is { } current && current.Id == id)
            {
                current.Cancel(by);
                return (CancelOutcome.Running, current);
            }

            return (CancelOutcome.NotQueued, null);
        }
    }

    /// <summary>Drops the app's waiting deployments (returning their ids) and cancels its running one, waiting up to <paramref name="wait"/>.</summary>
    public async Task<IReadOnlyList<int>> CancelAppAsync(string app, string by, TimeSpan wait)
    {
        DeploymentTicket? current;
        List<int> dropped;
        lock (_lock)
        {
            if (!_lanes.TryGetValue(app, out var lane))
            {
                return [];
            }

            dropped = [.. lane.Waiting];
            lane.Waiting.Clear();
            current = lane.Current;
            current?.Cancel(by);
            DropIfIdle(lane);
        }

        if (current is not null)
        {
            await Task.WhenAny(current.Completion, Task.Delay(wait));
        }

        return dropped;
    }

    /// <summary>Waits for the running deployments to end (the stopping token given to <see cref="Start"/> cancels them).</summary>
    public Task DrainAsync()
    {
        lock (_lock)
        {
            return Task.WhenAll(_lanes.Values.Select(l => l.Current?.Completion).OfType<Task>());
        }
    }

    private void StartNext(Lane lane)
    {
        if (_run is not { } run || lane.Current is not null || lane.Waiting.Count == 0 || _stopping.IsCancellationRequested)
        {
            return;
        }

        var id = lane.Waiting[0];
        lane.Waiting.RemoveAt(0);
        var ticket = new DeploymentTicket(lane.App, id, _stopping);
        lane.Current = ticket;
        ticket.Completion = Task.Run(() => RunAsync(run, lane, ticket), CancellationToken.None);
    }

    private async Task RunAsync(Func<DeploymentTicket, Task> run, Lane lane, DeploymentTicket ticket)
    {
        try
        {
            await run(ticket);
        }
        catch (Exception e)
        {
            // The runner records every failure itself; reaching this is a bug, and the app's queue must go on.
            DeploymentLog.RunnerCrashed(logger, ticket.App, ticket.Id, e);
        }
        finally
        {
            lock (_lock)
            {
                lane.Current = null;
                ticket.Dispose();
                StartNext(lane);
                DropIfIdle(lane);
            }
        }
    }

    private void DropIfIdle(Lane lane)
    {
        if (lane.Current is null && lane.Waiting.Count == 0)
        {
            _lanes.Remove(lane.App);
        }
    }

    private sealed class Lane(string app)
    {
        public string App { get; } = app;

        public List<int> Waiting { get; } = [];

        public DeploymentTicket? Current { get; set; }
    }
}
