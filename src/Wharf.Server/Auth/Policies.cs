using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Wharf.Core.Auth;

namespace Wharf.Server.Auth;

/// <summary>The authorization policies, one per role; each lets in that role and the ones above it.</summary>
public static class Policies
{
    public const string Read = RoleNames.Read;
    public const string Deploy = RoleNames.Deploy;
    public const string Admin = RoleNames.Admin;

    public static IServiceCollection AddWharfAuthorization(this IServiceCollection services)
    {
        // Only the core of authentication: AddAuthentication would also bring data protection, whose key ring the
        // bearer scheme never uses but which would be written under the user's home directory.
        services.AddAuthenticationCore(options => options.DefaultScheme = BearerAuthenticationHandler.SchemeName);
        services.AddWebEncoders();
        new AuthenticationBuilder(services)
            .AddScheme<AuthenticationSchemeOptions, BearerAuthenticationHandler>(BearerAuthenticationHandler.SchemeName, null);
        services.AddSingleton<IAuthorizationHandler, MinimumRoleHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ProblemAuthorizationResultHandler>();
        return services.AddAuthorizationBuilder()
            .AddPolicy(Read, p => p.AddRequirements(new MinimumRoleRequirement(Role.Read)))
            .AddPolicy(Deploy, p => p.AddRequirements(new MinimumRoleRequirement(Role.Deploy)))
            .AddPolicy(Admin, p => p.AddRequirements(new MinimumRoleRequirement(Role.Admin)))
            .Services;
    }
}
