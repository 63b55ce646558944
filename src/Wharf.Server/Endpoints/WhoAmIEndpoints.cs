using System.Reflection;
using System.Security.Claims;
using Wharf.Core.Api;
using Wharf.Core.Auth;
using Wharf.Server.Auth;

namespace Wharf.Server.Endpoints;

public static class WhoAmIEndpoints
{
    public static string ServerVersion { get; } =
        typeof(WhoAmIEndpoints).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? "0.0.0";

    public static IEndpointRouteBuilder MapWhoAmIEndpoints(this IEndpointRouteBuilder v1)
    {
        v1.MapGet("/whoami", (ClaimsPrincipal user) =>
        {
            var actor = user.RequireActor();
            return TypedResults.Ok(new WhoAmI(actor.Name, actor.Role.ToName(), ServerVersion));
        }).RequireAuthorization(Policies.Read);
        return v1;
    }
}
