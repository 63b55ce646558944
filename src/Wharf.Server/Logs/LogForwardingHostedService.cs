using Wharf.Core.Logs;

namespace Wharf.Server.Logs;

/// <summary>Starts forwarding the logs of the apps that have it set when the server starts, and stops it when it stops.</summary>
public sealed partial class LogForwardingHostedService(LogForwarding forwarding, ILogger<LogForwardingHostedService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await forwarding.StartAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The state store failing at start fails the server elsewhere; forwarding alone does not stop it.
            StartFailed(e);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => forwarding.StopAsync();

    [LoggerMessage(5110, LogLevel.Error, "Log forwarding could not start; apps' logs are kept but not forwarded")]
    private partial void StartFailed(Exception exception);
}
