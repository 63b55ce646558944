using Microsoft.Extensions.Logging;

namespace Wharf.Router;

/// <summary>
/// The log lines of the router's host, forwarder and certificates. Nothing is logged per request on the normal
/// path; fields are hosts, addresses and reasons: never a header value, a body or key material.
/// </summary>
internal static partial class RouterLog
{
    [LoggerMessage(100, LogLevel.Information, "Router serving apps on {Listeners}; control socket {SocketPath}")]
    public static partial void Listening(ILogger logger, string listeners, string socketPath);

    [LoggerMessage(101, LogLevel.Information, "Removed the stale control socket {SocketPath} left by a router that is gone")]
    public static partial void StaleSocketRemoved(ILogger logger, string socketPath);

    [LoggerMessage(110, LogLevel.Debug, "{Method} {Host}: process {Address} of {Service}.{App} failed ({Reason}); trying another")]
    public static partial void Retrying(ILogger logger, string method, string host, string address, string service, string app, string reason);

    [LoggerMessage(111, LogLevel.Debug, "{Method} {Host}: answered {StatusCode} for {Service}.{App} ({Reason})")]
    public static partial void Failed(ILogger logger, string method, string host, int statusCode, string service, string app, string reason);

    [LoggerMessage(112, LogLevel.Debug, "{Method} {Host}: the response from {Address} broke after it started ({Reason}); the client connection was closed")]
    public static partial void ResponseBroken(ILogger logger, string method, string host, string address, string reason);

    [LoggerMessage(113, LogLevel.Error, "{Method} {Host}: forwarding to {Address} failed unexpectedly")]
    public static partial void Unexpected(ILogger logger, Exception exception, string method, string host, string address);

    [LoggerMessage(120, LogLevel.Information, "Generated a self-signed certificate for {Host}")]
    public static partial void CertificateGenerated(ILogger logger, string host);

    [LoggerMessage(121, LogLevel.Information, "Serving {Count} imported certificate(s) for {Hosts}")]
    public static partial void CertificatesReplaced(ILogger logger, int count, string hosts);

    [LoggerMessage(122, LogLevel.Warning, "{Count} host(s) have self-signed certificates already; {Host} gets the router's fallback certificate")]
    public static partial void CertificateCacheFull(ILogger logger, int count, string host);
}
