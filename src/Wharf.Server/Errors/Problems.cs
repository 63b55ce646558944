using Microsoft.AspNetCore.Mvc;
namespace Wharf.Server.Errors;

/// <summary>Builds the RFC 7807 answers; every one carries a <c>detail</c> sentence a user can act on.</summary>
public static class Problems
{
    public static ProblemDetailsContext Context(HttpContext http, int status, string title, string detail) =>
        new()
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        };

    /// <summary>Fills in a <c>detail</c> for answers made without one (unknown routes, wrong methods, bare status codes).</summary>
    public static void AddMissingDetail(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (problem.Detail is not null)
        {
            return;
        }

        var request = context.HttpContext.Request;
        problem.Detail = problem.Status switch
        {
            StatusCodes.Status404NotFound => $"There is no {request.Method} {request.Path} in the Wharf API: check the URL and the client's version.",
            StatusCodes.Status405MethodNotAllowed => $"{request.Path} does not take {request.Method}: check the client's version.",
            StatusCodes.Status415UnsupportedMediaType => "The request body must be JSON: send Content-Type: application/json.",
            StatusCodes.Status500InternalServerError => "The server failed on this request; the server log has the details.",
            _ => problem.Title,
        };
    }
}
