using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Wharf.Core.Routing;

namespace Wharf.Router.Forwarding;

/// <summary>
/// The router's own answers when it cannot pass a request on: one line of plain text saying what happened and for
/// which app, plus an <c>X-Wharf-Error</c> header with a machine-readable reason.
/// </summary>
internal static class ErrorPages
{
    public const string ErrorHeader = "X-Wharf-Error";

    public static Task NoRouteAsync(HttpContext context, string host) =>
        WriteAsync(context, StatusCodes.Status404NotFound, "no-route",
            host.Length == 0 ? "the request names no host, so it matches no app" : $"no app is served at {host}");

    public static Task NoHealthyProcessAsync(HttpContext context, Route route) =>
        WriteAsync(context, StatusCodes.Status503ServiceUnavailable, "no-healthy-process", $"no healthy process for {Name(route)}");

    public static Task UnsupportedUpgradeAsync(HttpContext context) =>
        WriteAsync(context, StatusCodes.Status501NotImplemented, "unsupported-connect",
            "the router passes on only WebSockets as HTTP/2 extended CONNECT requests");

    public static Task FailedAsync(HttpContext context, Route route, BackendFailure failure) => failure.Kind switch
    {
        FailureKind.TimedOut => WriteAsync(context, StatusOf(failure), failure.Code,
            $"the app's process did not answer within {Seconds(route.Timeout)} ({Name(route)})"),
        FailureKind.ClientBodyFailed => WriteAsync(context, StatusOf(failure), failure.Code,
            "the request body could not be read"),
        _ => WriteAsync(context, StatusOf(failure), failure.Code,
            $"the app's process did not answer ({Name(route)}: {failure.Reason})"),
    };

    /// <summary>504 for a timeout, 400 for a body the client broke off, else 502.</summary>
    public static int StatusOf(BackendFailure failure) => failure.Kind switch
    {
        FailureKind.TimedOut => StatusCodes.Status504GatewayTimeout,
        FailureKind.ClientBodyFailed => StatusCodes.Status400BadRequest,
        _ => StatusCodes.Status502BadGateway,
    };

    private static Task WriteAsync(HttpContext context, int status, string code, string message)
    {
        var response = context.Response;
        response.Clear();
        response.StatusCode = status;
        response.ContentType = "text/plain; charset=utf-8";
        var headers = response.Headers;
        headers.CacheControl = "no-store";
        headers.XContentTypeOptions = "nosniff";
        headers[ErrorHeader] = code;
        var body = Encoding.UTF8.GetBytes($"{status} {ReasonPhrases.GetReasonPhrase(status)}: {message}\n");
        response.ContentLength = body.Length;
        return HttpMethods.IsHead(context.Request.Method) ? Task.CompletedTask : response.Body.WriteAsync(body, 0, body.Length, context.RequestAborted);
    }

    /// <summary>"web.hello": how people name a service of an app.</summary>
    private static string Name(Route route) => $"{route.Service}.{route.App}";

    private static string Seconds(TimeSpan timeout) => string.Create(CultureInfo.InvariantCulture, $"{timeout.TotalSeconds:0.###} s");
}
