using System.Security.Claims;
using Wharf.Core.Api;
using Wharf.Core.Apps;
using Wharf.Core.Logs;
using Wharf.Server.Auth;
using Wharf.Server.Logs;

namespace Wharf.Server.Endpoints;

/// <summary>`wharf logs` (an app's, or the platform's with --system) and `wharf logs forward`.</summary>
public static class LogEndpoints
{
    public static IEndpointRouteBuilder MapLogEndpoints(this IEndpointRouteBuilder v1)
    {
        v1.MapGet("/apps/{app}/logs", async (string app, [AsParameters] LogRequest request, AppService apps, ILogStore store, TimeProvider clock, CancellationToken ct) =>
        {
            await apps.GetAsync(app, ct);
            return Stream(store, request, request.ToQuery(app, clock.GetUtcNow()));
        }).RequireAuthorization(Policies.Read);

        v1.MapGet("/logs/system", ([AsParameters] LogRequest request, ILogStore store, TimeProvider clock) =>
            Stream(store, request, request.ToQuery(null, clock.GetUtcNow()))).RequireAuthorization(Policies.Admin);

        var forward = v1.MapGroup("/apps/{app}/logs/forward");
        forward.MapGet("", async (string app, LogForwarding forwarding, CancellationToken ct) =>
            TypedResults.Ok(await forwarding.GetAsync(app, ct))).RequireAuthorization(Policies.Read);

        forward.MapPut("", async (string app, LogForwardInfo request, ClaimsPrincipal user, LogForwarding forwarding, CancellationToken ct) =>
            TypedResults.Ok(await forwarding.SetAsync(user.RequireActor(), app, request.Url, ct))).RequireAuthorization(Policies.Deploy);

        forward.MapDelete("", async (string app, ClaimsPrincipal user, LogForwarding forwarding, CancellationToken ct) =>
            TypedResults.Ok(await forwarding.RemoveAsync(user.RequireActor(), app, ct))).RequireAuthorization(Policies.Deploy);

        return v1;
    }

    private static LogStreamResult Stream(ILogStore store, LogRequest request, LogQuery query) =>
        new(request.Follow == true ? store.FollowAsync(query) : store.QueryAsync(query));
}
