using Wharf.Core.Logs;

namespace Wharf.Server.Logs;

/// <summary>
/// Runs the collector's scans while the server runs. On stop its followers stop; whatever they stored is stored with
/// its cursor, and the next server resumes there. Removals during shutdown still drain the process first.
/// </summary>
public sealed class LogCollectorHostedService(LogCollector collector) : BackgroundService
{
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await collector.StopAsync();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        await collector.RunAsync(stoppingToken);
    }
}
