namespace Wharf.Server.Logging;

/// <summary>
/// Every log line the server writes. Fields are names, paths, numbers and statuses: never a header, a body, a
/// token or an env value.
/// </summary>
public static partial class ServerLog
{
    [LoggerMessage(1, LogLevel.Information, "Wharf API listening on {ApiUrl}; data in {DataDirectory}")]
    public static partial void Listening(ILogger logger, string apiUrl, string dataDirectory);

    [LoggerMessage(2, LogLevel.Information, "Storage ready: state {State}, blobs {Blobs}, keys {Keys}")]
    public static partial void StorageReady(ILogger logger, string state, string blobs, string keys);

    [LoggerMessage(3, LogLevel.Warning, "Created the admin token in {Path}: use it with `wharf login` and keep it secret")]
    public static partial void AdminTokenCreated(ILogger logger, string path);

    [LoggerMessage(4, LogLevel.Warning, "The admin token file {Path} can be read by other users: run `chmod 600` on it")]
    public static partial void AdminTokenTooOpen(ILogger logger, string path);

    [LoggerMessage(10, LogLevel.Information, "{Method} {Path} answered {StatusCode} in {ElapsedMs:0.0} ms")]
    public static partial void Request(ILogger logger, string method, string path, int statusCode, double elapsedMs);

    [LoggerMessage(11, LogLevel.Information, "{Method} {Path} refused with {StatusCode}: {ErrorType}")]
    public static partial void RequestRefused(ILogger logger, string method, string path, int statusCode, string errorType);

    [LoggerMessage(12, LogLevel.Information, "{Method} {Path}: authorization refused for {Actor}, which needs {Role}")]
    public static partial void Forbidden(ILogger logger, string method, string path, string actor, string role);
}
