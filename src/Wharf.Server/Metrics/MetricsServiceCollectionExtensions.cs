using Microsoft.Extensions.DependencyInjection.Extensions;
using Wharf.Core.Metrics;
using Wharf.Core.Routing;

namespace Wharf.Server.Metrics;

public static class MetricsServiceCollectionExtensions
{
    /// <summary>
    /// /metrics and `wharf metrics`: the router's counters are read through the registered <see cref="IRouterControl"/>
    /// when it offers them (the real router's client does), else there are none.
    /// </summary>
    public static IServiceCollection AddWharfMetrics(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IRouterMetrics>(sp => sp.GetRequiredService<IRouterControl>() as IRouterMetrics ?? new NoRouter());
        services.AddSingleton<RequestHistory>();
        services.AddSingleton<ServerMetricsText>();
        services.AddSingleton<AppMetricsService>();
        services.AddHostedService<RequestHistorySampler>();
        return services;
    }
}
