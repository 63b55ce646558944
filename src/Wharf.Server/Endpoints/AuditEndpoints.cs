using Wharf.Core.Audit;
using Wharf.Server.Auth;

namespace Wharf.Server.Endpoints;

public static class AuditEndpoints
{
    public static IEndpointRouteBuilder MapAuditEndpoints(this IEndpointRouteBuilder v1)
    {
        v1.MapGet("/audit", async (int? limit, string? app, AuditLog audit, CancellationToken ct) =>
            TypedResults.Ok(await audit.ListAsync(limit, app, ct))).RequireAuthorization(Policies.Admin);
        return v1;
    }
}
