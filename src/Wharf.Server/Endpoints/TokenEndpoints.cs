using System.Security.Claims;
using Wharf.Core.Api;
using Wharf.Core.Auth;
using Wharf.Server.Auth;

namespace Wharf.Server.Endpoints;

public static class TokenEndpoints
{
    public static IEndpointRouteBuilder MapTokenEndpoints(this IEndpointRouteBuilder v1)
    {
        var tokens = v1.MapGroup("/tokens").RequireAuthorization(Policies.Admin);

        tokens.MapGet("", async (TokenService service, CancellationToken ct) =>
            TypedResults.Ok(await service.ListAsync(ct)));

        tokens.MapPost("", async (CreateTokenRequest request, ClaimsPrincipal user, TokenService service, CancellationToken ct) =>
        {
            var token = await service.CreateAsync(user.RequireActor(), request, ct);
            return TypedResults.Created($"/v1/tokens/{token.Id}", token);
        });

        tokens.MapDelete("/{id}", async (string id, ClaimsPrincipal user, TokenService service, CancellationToken ct) =>
        {
            await service.DeleteAsync(user.RequireActor(), id, ct);
            return TypedResults.NoContent();
        });

        return v1;
    }
}
