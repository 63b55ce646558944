using System.Diagnostics;

namespace Wharf.Server.Logging;

/// <summary>
/// One line per request: method, path, status and time. Deliberately not the query, headers or body: the
/// Authorization header carries a token and env bodies carry secret values.
/// </summary>
public sealed class RequestLoggingMiddleware(RequestDelegate next, ILogger<RequestLoggingMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            ServerLog.Request(
                logger,
                context.Request.Method,
                context.Request.Path.Value ?? "/",
                context.Response.StatusCode,
                Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }
}
