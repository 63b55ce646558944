using Microsoft.Extensions.Logging;

namespace Wharf.Core.Logs;

/// <summary>The server log of log collection: process ids and causes, never a line of any app's output.</summary>
internal static partial class LogCollectorLog
{
    [LoggerMessage(EventId = 5001, Level = LogLevel.Warning, Message = "Listing processes to collect their logs failed; trying again shortly")]
    public static partial void ScanFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Warning, Message = "Collecting the output of process {ProcessId} of {App} failed; trying again in {RetryDelay}")]
    public static partial void FollowFailed(ILogger logger, string processId, string app, TimeSpan retryDelay, Exception exception);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Warning, Message = "The last lines of process {ProcessId} were not all stored within {Timeout}; it is removed anyway")]
    public static partial void NotDrained(ILogger logger, string processId, TimeSpan timeout);

    [LoggerMessage(EventId = 5007, Level = LogLevel.Warning, Message = "The last lines of process {ProcessId} could not be read before its removal")]
    public static partial void DrainFailed(ILogger logger, string processId, Exception exception);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Error, Message = "The stored log position of process {ProcessId} of {App} is unreadable; its output is read again from the start")]
    public static partial void CursorUnreadable(ILogger logger, string processId, string app, Exception exception);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Warning, Message = "Platform events could not be stored ({Count} lost)")]
    public static partial void EventsNotStored(ILogger logger, int count, Exception exception);

    [LoggerMessage(EventId = 5006, Level = LogLevel.Warning, Message = "The platform event queue is full: {Count} events were dropped")]
    public static partial void EventsDropped(ILogger logger, long count);
}
