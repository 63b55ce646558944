using Wharf.Core.Builds;

namespace Wharf.Server.Builds;

/// <summary>Runs <see cref="ImagePruner"/> a minute after start (out of start-up's way) and then every <see cref="Interval"/>.</summary>
public sealed partial class ImagePruningService(ImagePruner pruner, TimeProvider clock, ILogger<ImagePruningService> logger) : BackgroundService
{
    public static readonly TimeSpan FirstRun = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(FirstRun, clock, stoppingToken);
            using var timer = new PeriodicTimer(Interval, clock);
            do
            {
                await PruneAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task PruneAsync(CancellationToken ct)
    {
        try
        {
            var removed = await pruner.PruneAsync(ct);
            if (removed > 0)
            {
                Pruned(logger, removed);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // The next round tries again; a deploy never depends on this.
            Failed(logger, e.Message);
        }
    }

    [LoggerMessage(1, LogLevel.Information, "Image pruning: removed {Count} image names no kept release uses")]
    private static partial void Pruned(ILogger logger, int count);

    [LoggerMessage(2, LogLevel.Warning, "Image pruning failed ({Reason}); it runs again within the hour")]
    private static partial void Failed(ILogger logger, string reason);
}
