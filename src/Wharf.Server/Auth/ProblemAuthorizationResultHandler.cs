using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Wharf.Core.Auth;
using Wharf.Server.Errors;
using Wharf.Server.Logging;

namespace Wharf.Server.Auth;

/// <summary>Answers a refused request with problem details that name the role needed and the role held.</summary>
public sealed class ProblemAuthorizationResultHandler(IProblemDetailsService problems, ILogger<ProblemAuthorizationResultHandler> logger)
    : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        var actor = context.User.ToActor();
        if (authorizeResult.Forbidden && actor is not null)
        {
            var needed = authorizeResult.AuthorizationFailure?.FailedRequirements
                .OfType<MinimumRoleRequirement>()
                .Select(r => r.Role)
                .DefaultIfEmpty(Role.Admin)
                .Max() ?? Role.Admin;
            ServerLog.Forbidden(logger, context.Request.Method, context.Request.Path.Value ?? "/", actor.Name, needed.ToName());
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await problems.WriteAsync(Problems.Context(
                context,
                StatusCodes.Status403Forbidden,
                "Forbidden",
                $"This needs the {needed.ToName()} role; your token '{actor.Name}' has {actor.Role.ToName()}. Ask an admin for a token with that role (`wharf tokens create NAME --role {needed.ToName()}`)."));
            return;
        }

        // Not authenticated: the default challenges the bearer scheme, which answers 401 problem details.
        await _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
