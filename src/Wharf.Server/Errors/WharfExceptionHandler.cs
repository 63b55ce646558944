using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Wharf.Core.Errors;
using Wharf.Server.Logging;

namespace Wharf.Server.Errors;

/// <summary>
/// Answers the errors a user can cause with problem details: domain exceptions (400/403/404/409) and requests the
/// framework could not bind (malformed JSON, missing body, bad query values). Anything else stays a 500.
/// </summary>
public sealed class WharfExceptionHandler(IProblemDetailsService problems, ILogger<WharfExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = ToProblem(exception);
        if (problem is null)
        {
            return false;
        }

        ServerLog.RequestRefused(logger, httpContext.Request.Method, httpContext.Request.Path.Value ?? "/", problem.Status!.Value, exception.GetType().Name);
        httpContext.Response.StatusCode = problem.Status.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem });
    }

    private static ProblemDetails? ToProblem(Exception exception) => exception switch
    {
        WharfValidationException e => new HttpValidationProblemDetails(e.Errors.ToDictionary())
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request is invalid.",
            Detail = e.Message,
        },
        NotFoundException e => Problem(StatusCodes.Status404NotFound, "Not found.", e.Message),
        ConflictException e => Problem(StatusCodes.Status409Conflict, "Conflict.", e.Message),
        ForbiddenException e => Problem(StatusCodes.Status403Forbidden, "Forbidden.", e.Message),
        BadHttpRequestException e => BadRequest(e),
        _ => null,
    };

    /// <summary>
    /// A request the framework could not bind. The JSON error's own message is not echoed, since it can quote the
    /// body (an env value); its path (key names only) says where the problem is.
    /// </summary>
    private static HttpValidationProblemDetails BadRequest(BadHttpRequestException exception)
    {
        var (field, message) = exception switch
        {
            { InnerException: JsonException json } =>
                (json.Path ?? "body", $"The request body is not valid JSON for this request (at {json.Path ?? "$"}): check the field names and types."),
            _ when exception.Message.Contains("body", StringComparison.OrdinalIgnoreCase)
                && exception.StatusCode == StatusCodes.Status400BadRequest =>
                ("body", "This request needs a JSON body: see the request types in ApiRoutes.md."),
            _ => ("request", exception.Message.TrimEnd('.') + "."),
        };
        return new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = exception.StatusCode,
            Title = "The request is invalid.",
            Detail = message,
        };
    }

    private static ProblemDetails Problem(int status, string title, string detail) =>
        new() { Status = status, Title = title, Detail = detail };
}
