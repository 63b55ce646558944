using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Wharf.Runtime.Docker.Engine;

namespace Wharf.Runtime.Docker.Tests.Engine;

public sealed class DockerServiceCollectionExtensionsTests
{
    [Fact]
    public void AddDockerEngineClient_SocketConfigured_ClientUsesIt()
    {
        using var provider = Build(new Dictionary<string, string?> { ["Docker:SocketPath"] = "/run/wharf/docker.sock" });

        var client = provider.GetRequiredService<IDockerClient>();

        Assert.Equal("unix:///run/wharf/docker.sock", client.Endpoint);
        Assert.Same(client, provider.GetRequiredService<IDockerClient>());
    }

    [Fact]
    public void AddDockerEngineClient_BadSettings_FailWithEveryProblem()
    {
        using var provider = Build(new Dictionary<string, string?>
        {
            ["Docker:SocketPath"] = "relative.sock",
            ["Docker:MaxApiVersion"] = "latest",
        });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IDockerClient>());

        Assert.Equal(2, error.Failures.Count());
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddDockerEngineClient(configuration).BuildServiceProvider();
    }
}
