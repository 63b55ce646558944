using Microsoft.Extensions.DependencyInjection.Extensions;
using Wharf.Core.Routing;
using Wharf.Router.Control;
using Wharf.Server.Certificates;

namespace Wharf.Server.Routing;

public static class RouterServiceCollectionExtensions
{
    /// <summary>
    /// The router's supervision (started before the API serves), certificates and app URLs. With
    /// <see cref="ServerOptions.StartRouter"/> the router control is the real client on DATA/router/control.sock
    /// (replacing any other registration); without, <see cref="NoRouter"/>. Tests may register their own after this.
    /// </summary>
    public static IServiceCollection AddWharfRouter(this IServiceCollection services)
    {
        services.TryAddSingleton(RouterEntryPoint.Current);
        services.TryAddSingleton(new RouterSupervisorSettings());
        services.TryAddSingleton<IRouterTableSync, RouterSyncTableSync>();
        services.RemoveAll<IRouterControl>();
        services.AddSingleton<IRouterControl>(sp =>
        {
            var options = sp.GetRequiredService<ServerOptions>();
            return options.StartRouter ? new RouterControlClient(RouterArguments.For(options).ControlSocketPath) : new NoRouter();
        });

        services.AddSingleton<CertificateStore>();
        services.AddSingleton<CertificatePublisher>();
        services.AddSingleton<CertificateService>();
        services.AddSingleton<AppRoutes>();
        services.AddSingleton<RouterSupervisor>();
        services.AddHostedService(sp => sp.GetRequiredService<RouterSupervisor>());
        return services;
    }
}
