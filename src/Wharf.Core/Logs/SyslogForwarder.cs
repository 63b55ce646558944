using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace Wharf.Core.Logs;

/// <summary>
/// Sends every line appended to one app's log to a syslog endpoint, in the order they are stored. While the endpoint
/// is unreachable it retries the same line with a growing delay (up to 30 s); the lines meanwhile wait in the store,
/// so a receiver that comes back gets them all (within the log's retention).
/// </summary>
internal sealed class SyslogForwarder(string app, SyslogTarget target, ILogStore store, TimeProvider clock, ILogger logger)
{
    private static readonly TimeSpan _firstRetry = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan _maxRetry = TimeSpan.FromSeconds(30);

    public SyslogTarget Target => target;

    /// <summary>
    /// Forwards until <paramref name="ct"/> is cancelled or the app's log is deleted. Its follow of the log is taken
    /// before this returns (the first await), so a line stored right after the call is forwarded too.
    /// </summary>
    public Task RunAsync(CancellationToken ct)
    {
        // Tail 0: none of the past, every line stored from now on, whatever its time (lines of a process read late too).
        var entries = store.FollowAsync(new LogQuery { App = app, Tail = 0 }, ct).GetAsyncEnumerator(ct);
        return ForwardAsync(entries, entries.MoveNextAsync(), ct);
    }

    private async Task ForwardAsync(IAsyncEnumerator<LogEntry> entries, ValueTask<bool> first, CancellationToken ct)
    {
        TcpClient? client = null;
        try
        {
            var next = first;
            while (await next)
            {
                var message = SyslogMessage.Frame(entries.Current, Environment.MachineName);
                client = await SendAsync(client, message, ct);
                next = entries.MoveNextAsync();
            }
        }
        finally
        {
            client?.Dispose();
            await entries.DisposeAsync();
        }
    }

    /// <summary>Sends one message, (re)connecting as needed; returns the connection to use for the next.</summary>
    private async Task<TcpClient> SendAsync(TcpClient? client, byte[] message, CancellationToken ct)
    {
        var delay = _firstRetry;
        var failing = false;
        while (true)
        {
            try
            {
                client ??= await ConnectAsync(ct);
                await client.GetStream().WriteAsync(message, ct);
                if (failing)
                {
                    LogForwardingLog.Reconnected(logger, app, target.Url);
                }

                return client;
            }
            catch (Exception e) when (e is SocketException or IOException && !ct.IsCancellationRequested)
            {
                client?.Dispose();
                client = null;
                if (!failing)
                {
                    LogForwardingLog.SendFailed(logger, app, target.Url, e.Message);
                }

                failing = true;
                await Task.Delay(delay, clock, ct);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _maxRetry.Ticks));
            }
        }
    }

    private async Task<TcpClient> ConnectAsync(CancellationToken ct)
    {
        var client = new TcpClient { NoDelay = true };
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(10));
            await client.ConnectAsync(target.Host, target.Port, timeout.Token);
            return client;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            client.Dispose();
            throw new IOException($"connecting to {target.Url} timed out");
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }
}
