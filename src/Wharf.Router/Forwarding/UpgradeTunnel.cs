namespace Wharf.Router.Forwarding;

/// <summary>
/// Carries an upgraded connection (a WebSocket) both ways until either side closes it, then closes the other:
/// a WebSocket's closing handshake has passed through by then.
/// </summary>
internal static class UpgradeTunnel
{
    public static async Task RunAsync(Stream client, Stream backend, CancellationToken clientAborted)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(clientAborted);
        var up = PumpAsync(client, backend, stop.Token);
        var down = PumpAsync(backend, client, stop.Token);
        await Task.WhenAny(up, down);
        await stop.CancelAsync();
        await Task.WhenAll(up, down);
    }

    private static async Task PumpAsync(Stream from, Stream to, CancellationToken ct)
    {
        try
        {
            await StreamPump.CopyAsync(from, to, length: -1, flush: true, startBeforeWaiting: null, ct);
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException or System.Net.Http.HttpRequestException)
        {
            // One side went away: the other is closed by the caller; nothing to report.
        }
    }
}
