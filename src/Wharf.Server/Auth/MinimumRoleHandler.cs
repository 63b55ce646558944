using Microsoft.AspNetCore.Authorization;
namespace Wharf.Server.Auth;

/// <summary>Lets a caller in when its role is at least the one required.</summary>
public sealed class MinimumRoleHandler : AuthorizationHandler<MinimumRoleRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, MinimumRoleRequirement requirement)
    {
        if (context.User.ToActor() is { } actor && actor.Has(requirement.Role))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
