using System.Security.Claims;
using Microsoft.Net.Http.Headers;
using Wharf.Core.Api;
using Wharf.Core.Errors;
using Wharf.Core.Resources;
using Wharf.Server.Auth;
using Wharf.Server.Processes;

namespace Wharf.Server.Endpoints;

/// <summary>`wharf resources`, `info`, `url`, `console`, `export` and `import`.</summary>
public static class ResourceEndpoints
{
    public const string DumpContentType = "application/octet-stream";

    public static IEndpointRouteBuilder MapResourceEndpoints(this IEndpointRouteBuilder v1)
    {
        var resources = v1.MapGroup("/apps/{app}/resources");

        resources.MapGet("", async (string app, ResourceService service, CancellationToken ct) =>
            TypedResults.Ok(await service.ListAsync(app, ct))).RequireAuthorization(Policies.Read);

        resources.MapGet("/{name}", async (string app, string name, ResourceService service, CancellationToken ct) =>
            TypedResults.Ok(await service.GetAsync(app, name, ct))).RequireAuthorization(Policies.Read);

        resources.MapGet("/{name}/url", async (string app, string name, ClaimsPrincipal user, ResourceService service, CancellationToken ct) =>
            TypedResults.Ok(await service.UrlAsync(user.RequireActor(), app, name, ct))).RequireAuthorization(Policies.Read);

        // The body is the client's stdin (any bytes); the answer is the NDJSON stream of `wharf exec`.
        resources.MapPost("/{name}/console", async (string app, string name, ClaimsPrincipal user, ResourceTools tools, HttpContext http) =>
        {
            using var stream = new NdjsonWriter(http.Response);
            try
            {
                await tools.ConsoleAsync(user.RequireActor(), app, name, http.Request.Body, stream.WriteAsync, http.RequestAborted);
            }
            catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
            {
                // The client went away: nobody is left to read the rest.
            }
            catch (Exception e) when (stream.Started && e is not OutOfMemoryException)
            {
                var sentence = e is WharfException ? e.Message : $"The console's output was cut off: {e.Message}";
                await stream.WriteAsync(ProcessStreamEvent.Error(sentence), http.RequestAborted);
            }

            return Results.Empty;
        }).RequireAuthorization(Policies.Deploy);

        resources.MapGet("/{name}/export", async (string app, string name, ClaimsPrincipal user, ResourceTools tools, HttpContext http) =>
        {
            try
            {
                await tools.ExportAsync(user.RequireActor(), app, name, (start, ct) => OpenDumpAsync(http.Response, start, ct), http.RequestAborted);
            }
            catch (Exception e) when (http.Response.HasStarted && e is ResourceCommandFailedException or IOException)
            {
                // Half a dump must never pass for a whole one: cut the connection instead of ending the body cleanly.
                http.Abort();
            }

            return Results.Empty;
        }).RequireAuthorization(Policies.Deploy);

        resources.MapPost("/{name}/import", async (string app, string name, ClaimsPrincipal user, ResourceTools tools, HttpContext http) =>
            TypedResults.Ok(await tools.ImportAsync(user.RequireActor(), app, name, http.Request.Body, http.RequestAborted)))
            .Accepts<Stream>(DumpContentType)
            .RequireAuthorization(Policies.Deploy);

        return v1;
    }

    private static async ValueTask<Stream> OpenDumpAsync(HttpResponse response, ResourceExportStart start, CancellationToken ct)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = DumpContentType;
        response.Headers.CacheControl = "no-store";
        response.Headers[HeaderNames.ContentDisposition] = new ContentDispositionHeaderValue("attachment") { FileName = start.FileName }.ToString();
        response.Headers["X-Wharf-Resource-Type"] = start.Type;
        await response.StartAsync(ct);
        return response.Body;
    }
}
