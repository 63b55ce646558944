using Wharf.Core.Releases;
using Wharf.Server.Auth;

namespace Wharf.Server.Endpoints;

public static class ReleaseEndpoints
{
    public static IEndpointRouteBuilder MapReleaseEndpoints(this IEndpointRouteBuilder v1)
    {
        var releases = v1.MapGroup("/apps/{app}/releases").RequireAuthorization(Policies.Read);

        releases.MapGet("", async (string app, int? limit, ReleaseService service, CancellationToken ct) =>
            TypedResults.Ok(await service.ListAsync(app, limit, ct)));

        releases.MapGet("/{version:int}", async (string app, int version, ReleaseService service, CancellationToken ct) =>
            TypedResults.Ok(await service.GetAsync(app, version, ct)));

        releases.MapGet("/{from:int}/diff/{to:int}", async (string app, int from, int to, ReleaseService service, CancellationToken ct) =>
            TypedResults.Ok(await service.DiffAsync(app, from, to, ct)));

        return v1;
    }
}
