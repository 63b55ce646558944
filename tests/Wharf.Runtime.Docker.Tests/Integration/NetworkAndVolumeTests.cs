using Wharf.Runtime.Docker.Engine;
using Wharf.Runtime.Docker.Engine.Containers;
using Wharf.Runtime.Docker.Engine.Networks;
using Wharf.Runtime.Docker.Engine.Volumes;
using Wharf.Runtime.Docker.Tests.TestSupport;

namespace Wharf.Runtime.Docker.Tests.Integration;

[Trait("Category", TestCategories.Docker)]
public sealed class NetworkAndVolumeTests(DockerEngineFixture docker) : IClassFixture<DockerEngineFixture>
{
    private static CancellationToken Timeout => new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    [Fact]
    public async Task NetworkLifecycle_CreateConnectRemove_IsVisibleAtEachStep()
    {
        var name = docker.Name("app-net");
        var id = await docker.Client.Networks.CreateAsync(new NetworkSpec { Name = name, Labels = docker.Labels }, Timeout);
        var containerId = await docker.RunAsync(docker.Container("net-member", "sleep", "300"), Timeout);

        await docker.Client.Networks.ConnectAsync(name, containerId, ["db"], Timeout);
        var connected = await docker.Client.Networks.InspectAsync(name, Timeout);
        var listed = await docker.Client.Networks.ListAsync(docker.RunFilter, Timeout);
        var aliases = (await docker.Client.Containers.InspectAsync(containerId, Timeout))!.NetworkSettings.Networks![name].Aliases;
        await docker.Client.Networks.DisconnectAsync(name, containerId, ct: Timeout);
        await docker.Client.Networks.RemoveAsync(name, Timeout);

        Assert.Equal(id, connected!.Id);
        Assert.Equal("bridge", connected.Driver);
        Assert.Equal(docker.RunId, connected.Labels![DockerEngineFixture.RunLabel]);
        Assert.False(string.IsNullOrEmpty(Assert.Single(connected.Ipam!.Config!).Subnet));
        Assert.True(connected.Containers!.ContainsKey(containerId));
        Assert.Contains(listed, n => n.Id == id);
        Assert.Contains("db", aliases!);
        Assert.Null(await docker.Client.Networks.InspectAsync(name, Timeout));
    }

    [Fact]
    public async Task CreateAsync_NetworkNameTaken_SaysItExists()
    {
        var spec = new NetworkSpec { Name = docker.Name("dup-net"), Labels = docker.Labels };
        await docker.Client.Networks.CreateAsync(spec, Timeout);

        var error = await Assert.ThrowsAsync<DockerEngineException>(() => docker.Client.Networks.CreateAsync(spec, Timeout));

        Assert.Equal($"network {spec.Name} already exists: remove it or choose another name", error.Message);
    }

    [Fact]
    public async Task RemoveAsync_NetworkWithContainers_SaysToDisconnectThemFirst()
    {
        var name = docker.Name("busy-net");
        await docker.Client.Networks.CreateAsync(new NetworkSpec { Name = name, Labels = docker.Labels }, Timeout);
        await docker.RunAsync(docker.Container("busy-net-member", "sleep", "300") with { Network = name }, Timeout);

        var error = await Assert.ThrowsAsync<DockerEngineException>(() => docker.Client.Networks.RemoveAsync(name, Timeout));

        Assert.Equal($"network {name} still has containers attached: disconnect or remove them first", error.Message);
    }

    [Fact]
    public async Task VolumeLifecycle_CreateInspectListRemove_IsVisibleAtEachStep()
    {
        var name = docker.Name("data");

        var created = await docker.Client.Volumes.CreateAsync(new VolumeSpec { Name = name, Labels = docker.Labels }, Timeout);
        var inspected = await docker.Client.Volumes.InspectAsync(name, Timeout);
        var listed = await docker.Client.Volumes.ListAsync(docker.RunFilter, Timeout);
        await docker.Client.Volumes.RemoveAsync(name, ct: Timeout);

        Assert.Equal(name, created.Name);
        Assert.Equal("local", inspected!.Driver);
        Assert.False(string.IsNullOrEmpty(inspected.Mountpoint));
        Assert.Equal(docker.RunId, inspected.Labels![DockerEngineFixture.RunLabel]);
        Assert.Contains(listed, v => v.Name == name);
        Assert.Null(await docker.Client.Volumes.InspectAsync(name, Timeout));
    }

    [Fact]
    public async Task RemoveAsync_VolumeInUse_SaysWhichContainerUsesIt()
    {
        var name = docker.Name("busy-data");
        await docker.Client.Volumes.CreateAsync(new VolumeSpec { Name = name, Labels = docker.Labels }, Timeout);
        var containerId = await docker.RunAsync(
            docker.Container("busy-data-user", "sleep", "300") with { Mounts = [ContainerMount.Volume(name, "/data")] }, Timeout);

        var error = await Assert.ThrowsAsync<DockerEngineException>(() => docker.Client.Volumes.RemoveAsync(name, ct: Timeout));

        Assert.StartsWith($"volume {name} is in use by container(s) {containerId}", error.Message, StringComparison.Ordinal);
    }
}
