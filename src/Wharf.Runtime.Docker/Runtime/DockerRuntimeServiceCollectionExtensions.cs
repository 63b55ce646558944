using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Wharf.Core.Logs;
using Wharf.Core.Runtime;
using Wharf.Runtime.Docker.Engine;

namespace Wharf.Runtime.Docker.Runtime;

public static class DockerRuntimeServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Docker engine runtime: the <see cref="IDockerClient"/> for the engine in the "Docker" section
    /// (see <see cref="DockerServiceCollectionExtensions.AddDockerEngineClient"/>), and over it the
    /// <see cref="IProcessRuntime"/> named "docker", the <see cref="IImageBuilder"/> and the
    /// <see cref="IProcessLogReader"/> the log collector reads containers' output with, all singletons.
    /// </summary>
    public static IServiceCollection AddDockerRuntime(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddDockerEngineClient(configuration);
        services.TryAddSingleton<DockerProcessRuntime>();
        services.TryAddSingleton<IProcessRuntime>(sp => sp.GetRequiredService<DockerProcessRuntime>());
        services.TryAddSingleton<DockerImageBuilder>();
        services.TryAddSingleton<IImageBuilder>(sp => sp.GetRequiredService<DockerImageBuilder>());
        services.TryAddSingleton<IProcessLogReader, DockerProcessLogReader>();
        return services;
    }
}
