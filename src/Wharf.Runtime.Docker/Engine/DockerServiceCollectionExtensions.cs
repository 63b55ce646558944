using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Wharf.Runtime.Docker.Engine;

public static class DockerServiceCollectionExtensions
{
    /// <summary>
    /// Registers one <see cref="IDockerClient"/> for the engine configured in the "Docker" section
    /// (SocketPath, MaxApiVersion, RequestTimeout), validated when the host starts.
    /// </summary>
    public static IServiceCollection AddDockerEngineClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<DockerClientOptions>()
            .Bind(configuration.GetSection(DockerClientOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DockerClientOptions>, DockerClientOptionsValidator>());
        services.TryAddSingleton<IDockerClient>(sp => new DockerClient(
            sp.GetRequiredService<IOptions<DockerClientOptions>>().Value,
            sp.GetRequiredService<ILoggerFactory>()));
        return services;
    }
}
