using Wharf.Core.Logs;
using Wharf.Storage.Logs;

namespace Wharf.Server.Logs;

/// <summary>
/// Opens the log store, waiting a little while another server still holds its directory: a server restarted
/// quickly may start before the previous one has closed its logs (which takes a moment after it stops answering).
/// Past the wait it fails, naming the directory, as two servers must never write one log.
/// </summary>
public static partial class LogStoreOpener
{
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    private static readonly TimeSpan _retry = TimeSpan.FromMilliseconds(100);

    public static ILogStore Open(LogStoreOptions options, TimeProvider clock, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var deadline = clock.GetUtcNow() + Wait;
        var waiting = false;
        while (true)
        {
            try
            {
                return LogStoreFactory.Open(options, clock, logger);
            }
            catch (IOException e) when (clock.GetUtcNow() < deadline)
            {
                if (!waiting)
                {
                    Waiting(logger, Wait, e.Message);
                    waiting = true;
                }

                // Start-up only, in a DI factory: nothing to hand the thread to meanwhile.
                Thread.Sleep(_retry);
            }
        }
    }

    [LoggerMessage(5120, LogLevel.Warning, "The log store is not free yet ({Reason}); waiting up to {Wait} for it")]
    private static partial void Waiting(ILogger logger, TimeSpan wait, string reason);
}
