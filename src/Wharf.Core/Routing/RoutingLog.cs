using Microsoft.Extensions.Logging;

namespace Wharf.Core.Routing;

/// <summary>The server log of routing: once per change of state, never per round.</summary>
internal static partial class RoutingLog
{
    [LoggerMessage(EventId = 3201, Level = LogLevel.Warning, Message = "Could not update the router's route table; it keeps serving the last one it took until an update succeeds")]
    public static partial void SyncFailing(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3202, Level = LogLevel.Information, Message = "The router took the route table again ({Routes} routes)")]
    public static partial void SyncRecovered(ILogger logger, int routes);
}
