using System.Net.Http.Headers;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Wharf.Core.Deployments;
using Wharf.Server.Auth;
using Wharf.Server.Deployments;

namespace Wharf.Server.Endpoints;

public static class DeploymentEndpoints
{
    public const string TarMediaType = "application/x-tar";

    private const long KestrelSlackBytes = 1 << 20;

    public static IEndpointRouteBuilder MapDeploymentEndpoints(this IEndpointRouteBuilder v1)
    {
        var deployments = v1.MapGroup("/apps/{app}/deployments");

        deployments.MapPost("", DeployAsync).RequireAuthorization(Policies.Deploy);

        deployments.MapGet("", async (string app, int? limit, DeploymentService service, CancellationToken ct) =>
            TypedResults.Ok(await service.ListAsync(app, limit, ct))).RequireAuthorization(Policies.Read);

        deployments.MapGet("/{id:int}", async (string app, int id, DeploymentService service, CancellationToken ct) =>
            TypedResults.Ok(await service.GetAsync(app, id, ct))).RequireAuthorization(Policies.Read);

        deployments.MapGet("/{id:int}/log", async (string app, int id, bool? follow, DeploymentService service, CancellationToken ct) =>
            new TextLinesResult(await service.LogAsync(app, id, follow ?? false, ct))).RequireAuthorization(Policies.Read);

        deployments.MapPost("/{id:int}/cancel", async (string app, int id, ClaimsPrincipal user, DeploymentService service, CancellationToken ct) =>
            TypedResults.Ok(await service.CancelAsync(user.RequireActor(), app, id, ct))).RequireAuthorization(Policies.Deploy);

        v1.MapPost("/apps/{app}/releases/{version:int}/promote", async (string app, int version, ClaimsPrincipal user, DeploymentService service, CancellationToken ct) =>
        {
            var deployment = await service.PromoteAsync(user.RequireActor(), app, version, ct);
            return TypedResults.Accepted($"/v1/apps/{app}/deployments/{deployment.Id}", deployment);
        }).RequireAuthorization(Policies.Deploy);

        return v1;
    }

    /// <summary>The upload: the tar streams to the blob store (never whole in memory), bounded by Deployments:MaxContextBytes.</summary>
    private static async Task<IResult> DeployAsync(
        string app, HttpContext http, ClaimsPrincipal user, DeploymentService service, DeploymentOptions options, CancellationToken ct)
    {
        var request = http.Request;
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || !string.Equals(type.MediaType, TarMediaType, StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "Unsupported media type.",
                detail: $"Send the app directory as a tar with Content-Type: {TarMediaType} (`wharf deploy` does).");
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            // Above the exact limit by more than one read: the count kept while streaming trips first and says why
            // in the build's record too; Kestrel's limit only backs it up.
            limit.MaxRequestBodySize = options.MaxContextBytes + KestrelSlackBytes;
        }

        if (request.ContentLength > options.MaxContextBytes)
        {
            return TooLarge(new ContextTooLargeException(options.MaxContextBytes));
        }

        try
        {
            string? digest = request.Headers[ContextDigest.HeaderName];
            var deployment = await service.CreateAsync(user.RequireActor(), app, request.Body, digest, ct);
            return TypedResults.Accepted($"/v1/apps/{app}/deployments/{deployment.Id}", deployment);
        }
        catch (ContextTooLargeException e)
        {
            return TooLarge(e);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(new ContextTooLargeException(options.MaxContextBytes));
        }
    }

    private static ProblemHttpResult TooLarge(ContextTooLargeException e) =>
        TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The upload is too large.", detail: e.Message);
}
