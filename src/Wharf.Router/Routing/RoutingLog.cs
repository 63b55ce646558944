using Microsoft.Extensions.Logging;

namespace Wharf.Router.Routing;

/// <summary>The routing state's log lines: names, addresses, counts and reasons; never a header or a body.</summary>
internal static partial class RoutingLog
{
    [LoggerMessage(100, LogLevel.Information, "Route table applied: {Routes} routes, {Backends} backends ({Added} new, {Left} left the table)")]
    public static partial void TableApplied(ILogger logger, int routes, int backends, int added, int left);

    [LoggerMessage(101, LogLevel.Warning, "Host {Host} is claimed by {WinnerService}.{WinnerApp} and {LoserService}.{LoserApp}: the first, {WinnerService}.{WinnerApp}, serves it")]
    public static partial void HostClaimedTwice(ILogger logger, string host, string winnerService, string winnerApp, string loserService, string loserApp);

    [LoggerMessage(102, LogLevel.Information, "{Service}.{App} backend {ProcessId} ({Address}) is in rotation")]
    public static partial void BackendInRotation(ILogger logger, string service, string app, string processId, string address);

    [LoggerMessage(103, LogLevel.Warning, "{Service}.{App} backend {ProcessId} ({Address}) is out of rotation: {Reason}")]
    public static partial void BackendOutOfRotation(ILogger logger, string service, string app, string processId, string address, string reason);

    [LoggerMessage(104, LogLevel.Warning, "{Service}.{App} backend {ProcessId} ({Address}) ejected for {CoolOffSeconds} s: {Reason}")]
    public static partial void BackendEjected(ILogger logger, string service, string app, string processId, string address, string reason, double coolOffSeconds);

    [LoggerMessage(105, LogLevel.Information, "Drained {Addresses}: no request in flight")]
    public static partial void Drained(ILogger logger, string addresses);

    [LoggerMessage(106, LogLevel.Warning, "Draining {Addresses} timed out after {TimeoutSeconds} s with {InFlight} requests still in flight")]
    public static partial void DrainTimedOut(ILogger logger, string addresses, double timeoutSeconds, int inFlight);

    [LoggerMessage(107, LogLevel.Information, "Loaded the last route table from {Path}: {Routes} routes")]
    public static partial void TableLoaded(ILogger logger, string path, int routes);

    [LoggerMessage(108, LogLevel.Error, "The saved route table {Path} is unusable and was ignored (the router starts empty until the API sends one): {Problem}")]
    public static partial void TableFileUnusable(ILogger logger, string path, string problem);

    [LoggerMessage(109, LogLevel.Error, "The route table is served but could not be saved to {Path}: after a restart the router would serve an older one")]
    public static partial void TableNotSaved(ILogger logger, string path, Exception exception);
}
