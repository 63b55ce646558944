using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Wharf.Core.Runtime;
using Wharf.Runtime.Docker.Engine;
using Wharf.Runtime.Docker.Runtime;

namespace Wharf.Runtime.Docker.Tests.Runtime;

public sealed class DockerRuntimeServiceCollectionExtensionsTests
{
    [Fact]
    public void AddDockerRuntime_Configured_ResolvesOneRuntimeAndBuilderOverTheConfiguredEngine()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Docker:SocketPath"] = "/run/wharf/docker.sock" })
            .Build();
        using var provider = new ServiceCollection().AddLogging().AddDockerRuntime(configuration).BuildServiceProvider();

        var runtime = provider.GetRequiredService<IProcessRuntime>();

        Assert.Equal("docker", runtime.Name);
        Assert.IsType<DockerProcessRuntime>(runtime);
        Assert.Same(runtime, provider.GetRequiredService<IProcessRuntime>());
        Assert.IsType<DockerImageBuilder>(provider.GetRequiredService<IImageBuilder>());
        Assert.Equal("unix:///run/wharf/docker.sock", provider.GetRequiredService<IDockerClient>().Endpoint);
    }
}
