using Wharf.Core.Builds;
using Wharf.Core.Deployments;
using Wharf.Server.Auth;
using Wharf.Server.Deployments;

namespace Wharf.Server.Endpoints;

public static class BuildEndpoints
{
    public static IEndpointRouteBuilder MapBuildEndpoints(this IEndpointRouteBuilder v1)
    {
        var builds = v1.MapGroup("/apps/{app}/builds").RequireAuthorization(Policies.Read);

        builds.MapGet("", async (string app, int? limit, BuildService service, CancellationToken ct) =>
            TypedResults.Ok(await service.ListAsync(app, limit, ct)));

        builds.MapGet("/{number:int}", async (string app, int number, BuildService service, CancellationToken ct) =>
            TypedResults.Ok(await service.GetAsync(app, number, ct)));

        builds.MapGet("/{number:int}/log", async (string app, int number, bool? follow, DeploymentService service, CancellationToken ct) =>
            new TextLinesResult(await service.BuildLogAsync(app, number, follow ?? false, ct)));

        return v1;
    }
}
