using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Wharf.Router.Health;

namespace Wharf.Router.Routing;

public static class RoutingServiceCollectionExtensions
{
    /// <summary>
    /// Registers the routing state (<see cref="IRouteResolver"/>), the saved table (loaded when first asked for), the
    /// active health checks (a hosted service) and what the control endpoints need. Checks the options it uses first.
    /// </summary>
    /// <exception cref="ArgumentException">The options are unusable; the message lists every problem.</exception>
    public static IServiceCollection AddRouterRouting(this IServiceCollection services, RouterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Validate(options);
        services.TryAddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<RoutingState>();
        services.TryAddSingleton<RouteTableFile>();
        services.TryAddSingleton<RouteTableStore>();
        // Resolving the router's routes first loads the saved table: requests are routed by it from the start.
        services.TryAddSingleton<IRouteResolver>(sp =>
        {
            sp.GetRequiredService<RouteTableStore>();
            return sp.GetRequiredService<RoutingState>();
        });
        services.TryAddSingleton<BackendProbe>();
        services.AddHostedService<HealthCheckService>();
        return services;
    }

    private static void Validate(RouterOptions options)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(options.DataDirectory))
        {
            problems.Add("The router needs a data directory (--data).");
        }

        if (options.EjectionCoolOff <= TimeSpan.Zero)
        {
            problems.Add($"The router's ejection cool-off is {options.EjectionCoolOff}: it must be positive.");
        }

        if (options.ConnectTimeout <= TimeSpan.Zero)
        {
            problems.Add($"The router's connect timeout is {options.ConnectTimeout}: it must be positive.");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        }
    }
}
