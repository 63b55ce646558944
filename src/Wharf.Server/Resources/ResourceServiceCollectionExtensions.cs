using Microsoft.Extensions.DependencyInjection.Extensions;
using Wharf.Core.Resources;

namespace Wharf.Server.Resources;

public static class ResourceServiceCollectionExtensions
{
    /// <summary>
    /// Backing resources: credentials, provisioning before rollouts, links into processes, and the `wharf resources`
    /// commands. Needs an <see cref="IResourceRuntime"/> (the Docker runtime registers one) and the Core services.
    /// </summary>
    public static IServiceCollection AddWharfResources(this IServiceCollection services)
    {
        services.TryAddSingleton(new ResourceTimeouts());
        services.TryAddSingleton<ResourceVault>();
        services.TryAddSingleton<ResourceLinker>();
        services.TryAddSingleton<ResourceReadiness>();
        services.TryAddSingleton<ResourceProvisioner>();
        services.TryAddSingleton<ResourceRemover>();
        services.TryAddSingleton<ResourceFinder>();
        services.TryAddSingleton<ResourceService>();
        services.TryAddSingleton<ResourceTools>();
        return services;
    }
}
