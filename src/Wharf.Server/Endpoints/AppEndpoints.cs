using System.Security.Claims;
using Wharf.Core.Api;
using Wharf.Core.Apps;
using Wharf.Server.Auth;
using Wharf.Server.Routing;

namespace Wharf.Server.Endpoints;

public static class AppEndpoints
{
    public static IEndpointRouteBuilder MapAppEndpoints(this IEndpointRouteBuilder v1)
    {
        var apps = v1.MapGroup("/apps");

        apps.MapGet("", async (AppService service, CancellationToken ct) =>
            TypedResults.Ok(await service.ListAsync(ct))).RequireAuthorization(Policies.Read);

        apps.MapPost("", async (CreateAppRequest request, ClaimsPrincipal user, AppService service, CancellationToken ct) =>
        {
            var app = await service.CreateAsync(user.RequireActor(), request, ct);
            return TypedResults.Created($"/v1/apps/{app.Name}", app);
        }).RequireAuthorization(Policies.Deploy);

        apps.MapGet("/{app}", async (string app, AppService service, AppRoutes routes, CancellationToken ct) =>
        {
            var info = await service.GetAsync(app, ct);
            return TypedResults.Ok(info with { Routes = await routes.ForAsync(info.Name, ct) });
        }).RequireAuthorization(Policies.Read);

        // ?keepData=true keeps the resources' data volumes; by default they go with the app.
        apps.MapDelete("/{app}", async (string app, bool? keepData, ClaimsPrincipal user, AppService service, CancellationToken ct) =>
        {
            await service.DeleteAsync(user.RequireActor(), app, keepData ?? false, ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(Policies.Admin);

        return v1;
    }
}
