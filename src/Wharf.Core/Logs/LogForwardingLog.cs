using Microsoft.Extensions.Logging;

namespace Wharf.Core.Logs;

/// <summary>The server log of syslog forwarding: apps, endpoints and causes, never a forwarded line.</summary>
internal static partial class LogForwardingLog
{
    [LoggerMessage(EventId = 5101, Level = LogLevel.Information, Message = "Forwarding the log of {App} to {Url}")]
    public static partial void Started(ILogger logger, string app, string url);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Warning, Message = "Forwarding the log of {App} to {Url} failed ({Reason}); retrying, lines wait in the store")]
    public static partial void SendFailed(ILogger logger, string app, string url, string reason);

    [LoggerMessage(EventId = 5103, Level = LogLevel.Information, Message = "Forwarding the log of {App} to {Url} works again")]
    public static partial void Reconnected(ILogger logger, string app, string url);

    [LoggerMessage(EventId = 5104, Level = LogLevel.Error, Message = "Forwarding the log of {App} stopped unexpectedly")]
    public static partial void Crashed(ILogger logger, string app, Exception exception);

    [LoggerMessage(EventId = 5105, Level = LogLevel.Warning, Message = "The log forwarding setting of {App} could not be read; the app's log is not forwarded")]
    public static partial void SettingUnreadable(ILogger logger, string app, Exception exception);
}
