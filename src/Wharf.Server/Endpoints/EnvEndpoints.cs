using System.Security.Claims;
using Wharf.Core.Api;
using Wharf.Core.Config;
using Wharf.Server.Auth;

namespace Wharf.Server.Endpoints;

public static class EnvEndpoints
{
    public static IEndpointRouteBuilder MapEnvEndpoints(this IEndpointRouteBuilder v1)
    {
        var env = v1.MapGroup("/apps/{app}/env");

        // Read lists keys with masked values; ?reveal=true needs deploy, checked by the service.
        env.MapGet("", async (string app, bool? reveal, ClaimsPrincipal user, ConfigService service, CancellationToken ct) =>
            TypedResults.Ok(await service.GetAsync(user.RequireActor(), app, reveal ?? false, ct))).RequireAuthorization(Policies.Read);

        env.MapPatch("", async (string app, EnvChangeRequest change, ClaimsPrincipal user, ConfigService service, CancellationToken ct) =>
        {
            var result = await service.ChangeAsync(user.RequireActor(), app, change, ct);
            return TypedResults.Created($"/v1/apps/{app}/releases/{result.Release.Version}", result);
        }).RequireAuthorization(Policies.Deploy);

        return v1;
    }
}
