using Wharf.Core.Metrics;

namespace Wharf.Server.Metrics;

/// <summary>Reads the router's request counters into <see cref="RequestHistory"/> at start and then every <see cref="Interval"/>.</summary>
public sealed partial class RequestHistorySampler(IRouterMetrics router, RequestHistory history, TimeProvider clock, ILogger<RequestHistorySampler> logger)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    private bool _failing;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            await SampleAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task SampleAsync(CancellationToken ct)
    {
        try
        {
            var counters = await router.RequestCountersAsync(ct);
            history.Add(new RequestSnapshot(clock.GetUtcNow(), counters));
            _failing = false;
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // Logged once per outage: the router supervisor reports the router's own trouble.
            if (!_failing)
            {
                SampleFailed(logger, e.Message);
            }

            _failing = true;
        }
    }

    [LoggerMessage(1, LogLevel.Warning, "Request history: the router's counters could not be read ({Reason}); `wharf metrics` shows no request figures for the gap")]
    private static partial void SampleFailed(ILogger logger, string reason);
}
