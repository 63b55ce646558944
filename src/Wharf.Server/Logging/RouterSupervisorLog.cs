namespace Wharf.Server.Logging;

/// <summary>The log lines of the router's supervision and of certificates: pids, URLs, paths, counts; never key material.</summary>
public static partial class RouterSupervisorLog
{
    [LoggerMessage(400, LogLevel.Information, "Running without a router (--no-router / WHARF_ROUTER=none): apps get no traffic from this server's router")]
    public static partial void RouterDisabled(ILogger logger);

    [LoggerMessage(401, LogLevel.Information, "Router already running (pid {ProcessId}), serving {Listening}: reusing it")]
    public static partial void RouterReused(ILogger logger, int processId, string listening);

    [LoggerMessage(402, LogLevel.Warning, "The running router serves {Listening}, not {Configured} as configured: stop it (kill {ProcessId}) to have the server start one with the new addresses")]
    public static partial void RouterListenersDiffer(ILogger logger, string listening, string configured, int processId);

    [LoggerMessage(403, LogLevel.Information, "Starting the router: {Command} (log: {LogPath})")]
    public static partial void RouterStarting(ILogger logger, string command, string logPath);

    [LoggerMessage(404, LogLevel.Information, "Router started (pid {ProcessId}), serving {Listening}; it keeps running when the server stops (stop it with: kill $(cat {PidPath}))")]
    public static partial void RouterStarted(ILogger logger, int processId, string listening, string pidPath);

    [LoggerMessage(405, LogLevel.Warning, "The router does not answer on {SocketPath} ({Reason}); apps are not served until it does")]
    public static partial void RouterAway(ILogger logger, string socketPath, string reason);

    [LoggerMessage(406, LogLevel.Information, "The router answers again (pid {ProcessId})")]
    public static partial void RouterBack(ILogger logger, int processId);

    [LoggerMessage(407, LogLevel.Error, "Could not start the router again: {Reason}")]
    public static partial void RouterRestartFailed(ILogger logger, string reason);

    [LoggerMessage(409, LogLevel.Error, "Checking the router failed; the next check runs as usual")]
    public static partial void RouterCheckFailed(ILogger logger, Exception exception);

    [LoggerMessage(408, LogLevel.Warning, "Could not hand the route table to the router: {Reason}")]
    public static partial void TableNotPushed(ILogger logger, string reason);

    [LoggerMessage(410, LogLevel.Information, "Router has the imported certificates ({Count})")]
    public static partial void CertificatesPushed(ILogger logger, int count);

    [LoggerMessage(411, LogLevel.Warning, "Could not hand the certificates to the router: {Reason}; trying again when it answers")]
    public static partial void CertificatesNotPushed(ILogger logger, string reason);
}
