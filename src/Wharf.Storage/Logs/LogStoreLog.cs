using Microsoft.Extensions.Logging;

namespace Wharf.Storage.Logs;

/// <summary>The server log of the log store. Never a line's text: that is the app's output, for the app's users only.</summary>
internal static partial class LogStoreLog
{
    [LoggerMessage(EventId = 7001, Level = LogLevel.Warning, Message = "Log {Log}: cut {Bytes} bytes of an unfinished write off the end of {File}")]
    public static partial void TornTailCut(ILogger logger, string log, long bytes, string file);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Warning, Message = "Log {Log}: the index of {File} was missing or damaged and has been rebuilt")]
    public static partial void IndexRebuilt(ILogger logger, string log, string file);

    [LoggerMessage(EventId = 7003, Level = LogLevel.Error, Message = "Log {Log}: {File} is damaged and was set aside as {Aside}; a new segment continues the log")]
    public static partial void SegmentSetAside(ILogger logger, string log, string file, string aside, Exception exception);

    [LoggerMessage(EventId = 7004, Level = LogLevel.Error, Message = "Log {Log}: a write failed; the log was rolled back to its last commit")]
    public static partial void WriteFailed(ILogger logger, string log, Exception exception);

    [LoggerMessage(EventId = 7005, Level = LogLevel.Critical, Message = "Log {Log}: cannot be written any more until the server restarts")]
    public static partial void Broken(ILogger logger, string log, Exception exception);

    [LoggerMessage(EventId = 7006, Level = LogLevel.Information, Message = "Log {Log}: retention dropped {Segments} segment(s), {Bytes} bytes")]
    public static partial void Dropped(ILogger logger, string log, int segments, long bytes);

    [LoggerMessage(EventId = 7008, Level = LogLevel.Error, Message = "The periodic retention pass over the logs failed")]
    public static partial void PeriodicRetentionFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 7007, Level = LogLevel.Error, Message = "Log {Log}: closing a full segment or dropping old ones failed")]
    public static partial void MaintenanceFailed(ILogger logger, string log, Exception exception);
}
