using System.Security.Claims;
using Wharf.Core.Processes;
using Wharf.Server.Auth;

namespace Wharf.Server.Endpoints;

/// <summary>`wharf scale`: the process count of each service.</summary>
public static class FormationEndpoints
{
    public static IEndpointRouteBuilder MapFormationEndpoints(this IEndpointRouteBuilder v1)
    {
        var formation = v1.MapGroup("/apps/{app}/formation");

        formation.MapGet("", async (string app, FormationService service, CancellationToken ct) =>
            TypedResults.Ok(await service.GetAsync(app, ct))).RequireAuthorization(Policies.Read);

        formation.MapPatch("", async (string app, Dictionary<string, int> counts, ClaimsPrincipal user, FormationService service, CancellationToken ct) =>
            TypedResults.Ok(await service.ScaleAsync(user.RequireActor(), app, counts, ct))).RequireAuthorization(Policies.Deploy);

        return v1;
    }
}
