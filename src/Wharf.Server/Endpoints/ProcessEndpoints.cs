using System.Security.Claims;
using Wharf.Core.Api;
using Wharf.Core.Errors;
using Wharf.Core.Processes;
using Wharf.Server.Auth;
using Wharf.Server.Processes;

namespace Wharf.Server.Endpoints;

/// <summary>`wharf ps`, `ps stop`, `run`, `exec` and `restart`.</summary>
public static class ProcessEndpoints
{
    public static IEndpointRouteBuilder MapProcessEndpoints(this IEndpointRouteBuilder v1)
    {
        var app = v1.MapGroup("/apps/{app}");

        app.MapGet("/processes", async (string app, ProcessListing listing, CancellationToken ct) =>
            TypedResults.Ok(await listing.ListAsync(app, ct))).RequireAuthorization(Policies.Read);

        app.MapDelete("/processes/{id}", async (string app, string id, ClaimsPrincipal user, ProcessService service, CancellationToken ct) =>
        {
            await service.StopAsync(user.RequireActor(), app, id, ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(Policies.Deploy);

        app.MapPost("/processes", async (string app, RunRequest request, ClaimsPrincipal user, ProcessService service, ProcessListing listing, HttpContext http) =>
        {
            // Started with the server's lifetime, not the request's: a detached process outlives the request anyway.
            var process = await service.StartOneOffAsync(user.RequireActor(), app, request, CancellationToken.None);
            if (request.Detach)
            {
                return Results.Created($"/v1/apps/{app}/processes/{process.Id}", listing.Describe(process));
            }

            using var stream = new NdjsonWriter(http.Response);
            await StreamAsync(stream, ct => service.FollowAsync(process, stream.WriteAsync, ct, stream.StartAsync), http.RequestAborted);
            return Results.Empty;
        }).RequireAuthorization(Policies.Deploy);

        app.MapPost("/processes/{id}/exec", async (string app, string id, ExecRequest request, ClaimsPrincipal user, ProcessService service, HttpContext http) =>
        {
            using var stream = new NdjsonWriter(http.Response);
            await StreamAsync(stream, ct => service.ExecAsync(user.RequireActor(), app, id, request, stream.WriteAsync, ct), http.RequestAborted);
            return Results.Empty;
        }).RequireAuthorization(Policies.Deploy);

        app.MapPost("/restart", async (string app, string? service, ClaimsPrincipal user, RollingRestart restart, CancellationToken ct) =>
            TypedResults.Accepted((string?)null, await restart.StartAsync(user.RequireActor(), app, service, ct))).RequireAuthorization(Policies.Deploy);

        return v1;
    }

    /// <summary>
    /// Runs a streamed command. Before the first line, errors are problem details as usual; after it, they end the
    /// stream with an error line, and a client that went away just ends it.
    /// </summary>
    private static async Task StreamAsync(NdjsonWriter stream, Func<CancellationToken, Task> run, CancellationToken ct)
    {
        try
        {
            await run(ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The client disconnected: nobody is left to read the rest.
        }
        catch (Exception e) when (stream.Started)
        {
            var sentence = e is WharfException ? e.Message : $"The command's output was cut off: {e.Message}";
            await stream.WriteAsync(ProcessStreamEvent.Error(sentence), ct);
        }
    }
}
