using Wharf.Core.Processes;
using Wharf.Core.Timers;

namespace Wharf.Server.Processes;

/// <summary>Settles the timer runs left running by the last server, then fires due timers every <see cref="ProcessOptions.TimerTick"/>.</summary>
public sealed partial class TimerSchedulerHostedService(
    TimerScheduler scheduler,
    ProcessOptions options,
    TimeProvider clock,
    ILogger<TimerSchedulerHostedService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            await scheduler.SettleAsync(stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            SettleFailed(e);
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await scheduler.TickAsync(stoppingToken);
                await Task.Delay(options.TimerTick, clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                TickFailed(e);
                await Task.Delay(options.TimerTick, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    [LoggerMessage(320, LogLevel.Error, "Could not settle the timer runs left running before the server started")]
    private partial void SettleFailed(Exception exception);

    [LoggerMessage(321, LogLevel.Error, "A timer scheduler tick failed; the next one starts shortly")]
    private partial void TickFailed(Exception exception);
}
