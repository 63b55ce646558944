using Wharf.Core.Apps;
using Wharf.Core.Audit;
using Wharf.Core.Auth;
using Wharf.Core.Blobs;
using Wharf.Core.Builds;
using Wharf.Core.Config;
using Wharf.Core.Crypto;
using Wharf.Core.Releases;
using Wharf.Core.State;
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
        return services;
    }
}
