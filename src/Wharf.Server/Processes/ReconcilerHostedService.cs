using Wharf.Core.Processes;
using Wharf.Core.Routing;

namespace Wharf.Server.Processes;

/// <summary>
/// Runs the reconciler every <see cref="ProcessOptions.ReconcileInterval"/>, or sooner when poked, and after each
/// round syncs the router's table, so processes it restarted or removed reach the router within one round.
/// </summary>
public sealed partial class ReconcilerHostedService(
    Reconciler reconciler,
    RouterSync router,
    ReconcilerSignal signal,
    BackgroundWork work,
    ProcessOptions options,
    TimeProvider clock,
    ILogger<ReconcilerHostedService> logger) : BackgroundService
{
    // Background work (restarts, timer watchers) gets this long to notice the stop; processes keep running anyway.
    private static readonly TimeSpan _drain = TimeSpan.FromSeconds(5);

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await work.StopAsync(_drain);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await reconciler.ReconcileAllAsync(stoppingToken);
                await SyncRouterAsync(stoppingToken);
                await signal.WaitAsync(options.ReconcileInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The reconciler reports per app; this only catches what slipped past it, and the loop goes on.
                RoundFailed(e);
                await Task.Delay(options.ReconcileInterval, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private async Task SyncRouterAsync(CancellationToken ct)
    {
        try
        {
            await router.SyncAsync(ct);
        }
        catch (RouterSyncException)
        {
            // RouterSync logs when syncing starts failing and when it works again, not every round.
        }
    }

    [LoggerMessage(310, LogLevel.Error, "A reconciler round failed; the next one starts shortly")]
    private partial void RoundFailed(Exception exception);
}
