using Wharf.Core.Timers;
using Wharf.Server.Auth;

namespace Wharf.Server.Endpoints;

/// <summary>`wharf timers`: the current release's timers and their last runs.</summary>
public static class TimerEndpoints
{
    public static IEndpointRouteBuilder MapTimerEndpoints(this IEndpointRouteBuilder v1)
    {
        v1.MapGet("/apps/{app}/timers", async (string app, TimerService timers, CancellationToken ct) =>
            TypedResults.Ok(await timers.ListAsync(app, ct))).RequireAuthorization(Policies.Read);

        return v1;
    }
}
