using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Wharf.Core.Logs;
using Wharf.Core.Resources;
using Wharf.Core.Runtime;
using Wharf.Runtime.Docker.Engine;
using Wharf.Runtime.Docker.Resources;

namespace Wharf.Runtime.Docker.Runtime;

public static class DockerRuntimeServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Docker engine runtime: the <see cref="IDockerClient"/> for the engine in the "Docker" section
    /// (see <see cref="DockerServiceCollectionExtensions.AddDockerEngineClient"/>), and over it the
    /// <see cref="IProcessRuntime"/> named "docker", the <see cref="IResourceRuntime"/>, the <see cref="IImageBuilder"/> and
    /// the <see cref="IProcessLogReader"/> the log collector reads containers' output with, all singletons.
    /// </summary>
    public static IServiceCollection AddDockerRuntime(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddDockerEngineClient(configuration);
        services.TryAddSingleton<DockerProcessRuntime>();
        services.TryAddSingleton<IProcessRuntime>(sp => sp.GetRequiredService<DockerProcessRuntime>());
        services.TryAddSingleton(sp => new DockerResourceRuntime(
            sp.GetRequiredService<IDockerClient>(),
            sp.GetRequiredService<DockerProcessRuntime>().Networks,
            sp.GetRequiredService<ILogger<DockerResourceRuntime>>()));
        services.TryAddSingleton<IResourceRuntime>(sp => sp.GetRequiredService<DockerResourceRuntime>());
        services.TryAddSingleton<DockerImageBuilder>();
        services.TryAddSingleton<IImageBuilder>(sp => sp.GetRequiredService<DockerImageBuilder>());
        services.TryAddSingleton<IImageStore, DockerImageStore>();
        services.TryAddSingleton<IProcessLogReader, DockerProcessLogReader>();
        return services;
    }
}
