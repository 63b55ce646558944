using System.Security.Claims;
using Wharf.Core.Auth;

namespace Wharf.Server.Auth;

/// <summary>Carries the <see cref="Actor"/> in the request's <see cref="ClaimsPrincipal"/>.</summary>
public static class ActorClaims
{
    public static ClaimsPrincipal ToPrincipal(this Actor actor, string scheme) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, actor.Name), new Claim(ClaimTypes.Role, actor.Role.ToName())], scheme));

    /// <summary>The authenticated actor, or null for an anonymous caller.</summary>
    public static Actor? ToActor(this ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true
        && user.FindFirstValue(ClaimTypes.Name) is { } name
        && RoleNames.TryParse(user.FindFirstValue(ClaimTypes.Role), out var role)
            ? new Actor(name, role.Value)
            : null;

    /// <summary>The actor of an endpoint that requires authorization, so one is always there.</summary>
    public static Actor RequireActor(this ClaimsPrincipal user) =>
        user.ToActor() ?? throw new InvalidOperationException("The endpoint ran without an authenticated caller; it is missing RequireAuthorization.");
}
