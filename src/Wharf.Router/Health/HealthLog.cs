using Microsoft.Extensions.Logging;

namespace Wharf.Router.Health;

/// <summary>The health checker's log lines (rotation changes are logged by the backend itself, in RoutingLog).</summary>
internal static partial class HealthLog
{
    [LoggerMessage(120, LogLevel.Debug, "Checking {Address} every {IntervalSeconds} s at {Path}")]
    public static partial void ChecksStarted(ILogger logger, string address, double intervalSeconds, string path);

    [LoggerMessage(121, LogLevel.Debug, "Stopped checking {Address}: it left the table")]
    public static partial void ChecksStopped(ILogger logger, string address);

    [LoggerMessage(122, LogLevel.Error, "Checking {Address} failed unexpectedly; retrying")]
    public static partial void CheckCrashed(ILogger logger, string address, Exception exception);
}
