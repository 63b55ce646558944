using Wharf.Runtime.Docker.Engine;

namespace Wharf.Runtime.Docker.Tests.Engine;

public sealed class DockerClientOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeeds()
    {
        Assert.True(new DockerClientOptionsValidator().Validate(null, new DockerClientOptions()).Succeeded);
    }

    [Fact]
    public void Validate_SeveralBadSettings_ReportsThemAll()
    {
        var options = new DockerClientOptions { SocketPath = "docker.sock", MaxApiVersion = "1.30", RequestTimeout = TimeSpan.Zero };

        var result = new DockerClientOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Equal(3, result.Failures!.Count());
        Assert.Contains(result.Failures!, f => f.StartsWith("Docker:SocketPath", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("Docker:MaxApiVersion", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("Docker:RequestTimeout", StringComparison.Ordinal));
    }
}
