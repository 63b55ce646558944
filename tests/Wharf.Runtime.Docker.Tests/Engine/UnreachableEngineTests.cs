using Wharf.Runtime.Docker.Engine;

namespace Wharf.Runtime.Docker.Tests.Engine;

public sealed class UnreachableEngineTests
{
    [Fact]
    public async Task PingAsync_NoEngineAtTheSocket_SaysWhereItLooked()
    {
        var socket = Path.Combine(Path.GetTempPath(), $"wharf-no-engine-{Guid.NewGuid():N}.sock");
        using var client = new DockerClient(new DockerClientOptions { SocketPath = socket });

        var error = await Assert.ThrowsAsync<DockerEngineException>(() => client.System.PingAsync());

        Assert.StartsWith($"Docker engine not reachable at unix://{socket}", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, error.StatusCode);
    }
}
