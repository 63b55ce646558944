using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Wharf.Core.Apps;
using Wharf.Core.Audit;
using Wharf.Core.Auth;
using Wharf.Core.Blobs;
using Wharf.Core.Builds;
using Wharf.Core.Config;
using Wharf.Core.Crypto;
using Wharf.Core.Deployments;
using Wharf.Core.Releases;
using Wharf.Core.Routing;
using Wharf.Core.State;
using Wharf.Runtime.Docker.Runtime;
using Wharf.Server.Builds;
using Wharf.Server.Deployments;
using Wharf.Server.Processes;
using Wharf.Server.Resources;
using Wharf.Server.Routing;
using Wharf.Storage;

namespace Wharf.Server.Startup;

public static class WharfServiceCollectionExtensions
{
    /// <summary>The stores picked by the storage options, the Core services, and what prepares the data directory.</summary>
    public static IServiceCollection AddWharfCore(this IServiceCollection services, ServerOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton(TimeProvider.System);

        // Resolved through the registered options, so a host that replaces ServerOptions (tests) moves the data too.
        services.AddSingleton<IStateStore>(sp => StorageFactory.CreateState(sp.GetRequiredService<ServerOptions>().EffectiveStorage));
        services.AddSingleton<IBlobStore>(sp => StorageFactory.CreateBlobs(sp.GetRequiredService<ServerOptions>().EffectiveStorage));
        services.AddSingleton<IKeyEncryptionKey>(sp => StorageFactory.CreateKey(sp.GetRequiredService<ServerOptions>().EffectiveStorage));
        services.AddSingleton(sp => new EnvelopeCipher(sp.GetRequiredService<IKeyEncryptionKey>()));

        services.AddSingleton<AdminTokenFile>();
        services.AddSingleton(sp => sp.GetRequiredService<AdminTokenFile>().Load());
        services.AddSingleton<ServerInitializer>();
        services.AddHostedService(sp => sp.GetRequiredService<ServerInitializer>());

        services.AddSingleton<AppLocks>();
        services.AddSingleton<AuditLog>();
        services.AddSingleton<EnvVault>();
        services.AddSingleton<AppService>();
        services.AddSingleton<ReleaseService>();
        services.AddSingleton<ConfigService>();
        services.AddSingleton<BuildService>();
        services.AddSingleton<TokenService>();
        services.AddSingleton<TokenAuthenticator>();

        // Before the processes: the router must answer before the reconciler's first round hands it a table.
        services.AddWharfRouter();
        services.AddWharfProcesses();
        services.AddWharfResources();
        return services;
    }

    /// <summary>
    /// The runtime (Docker engine, "Docker" section), deploys, rollouts and their background worker, with the
    /// limits of the "Deployments" section. Register after <see cref="AddWharfCore"/>: the worker's start-up
    /// clean-up needs the migrated state store.
    /// </summary>
    public static IServiceCollection AddWharfDeployments(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddDockerRuntime(configuration);
        services.AddOptions<DeploymentOptions>().Bind(configuration.GetSection(DeploymentOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DeploymentOptions>, DeploymentOptionsValidator>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<DeploymentOptions>>().Value);

        services.AddWharfRouting(configuration);
        services.AddSingleton<IPortProbe, TcpPortProbe>();
        services.AddSingleton<LiveLogs>();
        services.AddSingleton<DeploymentDispatcher>();
        services.AddSingleton<DeploymentRecorder>();
        services.AddSingleton<IRolloutScheduler, RolloutScheduler>();
        services.AddSingleton<RolloutPlanner>();
        services.AddSingleton<ProcessReadiness>();
        services.AddSingleton<OldProcessStopper>();
        services.AddSingleton<RollingRestore>();
        services.AddSingleton<RollingRollout>();
        services.AddSingleton<RolloutService>();
        services.AddSingleton<BuildCache>();
        services.AddSingleton<DeployBuilder>();
        services.AddSingleton<DeploymentRunner>();
        services.AddSingleton<DeploymentService>();
        services.AddSingleton<DeploymentRecovery>();
        services.AddSingleton<DeploymentWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<DeploymentWorker>());
        services.AddSingleton<ImagePruner>();
        services.AddHostedService<ImagePruningService>();
        return services;
    }

    /// <summary>
    /// The route table, its sync to the router and the health checks of rollouts, with the "Routing" section. The
    /// router itself is <see cref="NoRouter"/> unless a host registered its own <see cref="IRouterControl"/>.
    /// </summary>
    private static void AddWharfRouting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RoutingOptions>().Bind(configuration.GetSection(RoutingOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RoutingOptions>, RoutingOptionsValidator>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<RoutingOptions>>().Value);
        services.TryAddSingleton<IRouterControl, NoRouter>();
        services.AddSingleton<IHealthProbe, HttpHealthProbe>();
        services.AddSingleton<ReadyProcesses>();
        services.AddSingleton<DrainingProcesses>();
        services.AddSingleton<JoiningProcesses>();
        services.AddSingleton<RouteTableBuilder>();
        services.AddSingleton<RouterSync>();
        services.AddSingleton<ProcessDrainer>();
    }
}
