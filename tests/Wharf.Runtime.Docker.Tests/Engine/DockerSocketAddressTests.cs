using Wharf.Runtime.Docker.Engine;

namespace Wharf.Runtime.Docker.Tests.Engine;

public sealed class DockerSocketAddressTests
{
    [Fact]
    public void Resolve_NothingSet_UsesTheDefaultSocket()
    {
        Assert.Equal("/var/run/docker.sock", DockerSocketAddress.Resolve(null, null));
    }

    [Fact]
    public void Resolve_UnixDockerHost_UsesItsPath()
    {
        Assert.Equal("/run/user/1000/docker.sock", DockerSocketAddress.Resolve(null, "unix:///run/user/1000/docker.sock"));
    }

    [Fact]
    public void Resolve_ExplicitPath_WinsOverDockerHost()
    {
        Assert.Equal("/tmp/engine.sock", DockerSocketAddress.Resolve("/tmp/engine.sock", "unix:///var/run/other.sock"));
    }

    [Fact]
    public void Resolve_TcpDockerHost_ExplainsOnlyUnixSocketsWork()
    {
        var error = Assert.Throws<ArgumentException>(() => DockerSocketAddress.Resolve(null, "tcp://10.0.0.5:2376"));

        Assert.Contains("not a unix socket", error.Message, StringComparison.Ordinal);
    }
}
