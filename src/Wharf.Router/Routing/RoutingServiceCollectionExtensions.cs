using Microsoft.Extensions.DependencyInjection;

namespace Wharf.Router.Routing;

/// <summary>
/// The routing services the host registers. Placeholder so the host compiles: the routing work owns this file and
/// replaces it with the live table, health checks and persistence.
/// </summary>
public static class RoutingServiceCollectionExtensions
{
    public static IServiceCollection AddRouterRouting(this IServiceCollection services, RouterOptions options)
    {
        services.AddSingleton<IRouteResolver, NoRoutes>();
        return services;
    }

    private sealed class NoRoutes : IRouteResolver
    {
        public ILiveRoute? Resolve(string host) => null;
    }
}
