using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Wharf.Runtime.Docker.Engine;
using Wharf.Runtime.Docker.Engine.Containers;
using Wharf.Runtime.Docker.Engine.Networks;
using Wharf.Runtime.Docker.Tests.TestSupport;

namespace Wharf.Runtime.Docker.Tests.Integration;

[Trait("Category", TestCategories.Docker)]
public sealed class ContainerTests(DockerEngineFixture docker) : IClassFixture<DockerEngineFixture>
{
    private const long SixtyFourMegabytes = 64L * 1024 * 1024;

    private static CancellationToken Timeout => new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    [Fact]
    public async Task CreateAsync_OnUserNetworkWithLabelsEnvAndLimits_InspectShowsThem()
    {
        var network = docker.Name("net");
        await docker.Client.Networks.CreateAsync(new NetworkSpec { Name = network, Labels = docker.Labels }, Timeout);
        var spec = docker.Container("web", "sleep", "300") with
        {
            Env = new Dictionary<string, string> { ["GREETING"] = "hello world" },
            Labels = docker.LabelsWith(("wharf.app", "shop"), ("wharf.process", "web")),
            Network = network,
            NetworkAliases = ["web"],
            MemoryBytes = SixtyFourMegabytes,
            Cpus = 0.5,
            StopSignal = "SIGINT",
            Healthcheck = new HealthcheckSpec { Command = "true", Interval = TimeSpan.FromSeconds(1) },
        };

        var id = await docker.RunAsync(spec, Timeout);
        var container = await docker.Client.Containers.InspectAsync(id, Timeout);

        Assert.NotNull(container);
        Assert.Equal("/" + docker.Name("web"), container.Name);
        Assert.True(container.State.Running);
        Assert.Contains("GREETING=hello world", container.Config.Env!);
        Assert.Equal("shop", container.Config.Labels!["wharf.app"]);
        Assert.Equal("SIGINT", container.Config.StopSignal);
        Assert.Equal(["CMD-SHELL", "true"], container.Config.Healthcheck!.Test);
        Assert.Equal(SixtyFourMegabytes, container.HostConfig.Memory);
        Assert.Equal(500_000_000, container.HostConfig.NanoCpus);
        Assert.Equal("no", container.HostConfig.RestartPolicy!.Name);
        var endpoint = container.NetworkSettings.Networks![network];
        Assert.False(string.IsNullOrEmpty(endpoint.IpAddress));
        Assert.Contains("web", endpoint.Aliases!);
    }

    [Fact]
    public async Task WaitAsync_ProcessExitsWithSeven_ReturnsSeven()
    {
        var id = await docker.RunAsync(docker.Container("exit7", "sh", "-c", "exit 7"), Timeout);

        var exit = await docker.Client.Containers.WaitAsync(id, ct: Timeout);

        Assert.Equal(7, exit.ExitCode);
        Assert.Null(exit.Error);
    }

    [Fact]
    public async Task StopAsync_ProcessTrapsSigterm_ExitsCleanlyBeforeTheGraceEnds()
    {
        var id = await docker.RunAsync(
            docker.Container("trapper", "sh", "-c", "trap 'echo got-term; exit 0' TERM; while true; do sleep 0.1; done"), Timeout);
        await WaitForRunningAsync(id);
        var clock = Stopwatch.StartNew();

        await docker.Client.Containers.StopAsync(id, TimeSpan.FromSeconds(20), Timeout);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"stop took {clock.Elapsed}");
        var state = (await docker.Client.Containers.InspectAsync(id, Timeout))!.State;
        Assert.Equal(0, state.ExitCode);
        var lines = await docker.Client.Containers.GetLogsAsync(id, new LogsOptions(), Timeout).ToListAsync(Timeout);
        Assert.Contains(lines, l => l.Text == "got-term");
    }

    [Fact]
    public async Task StopAsync_ProcessIgnoresSigterm_IsKilledAfterTheGrace()
    {
        var id = await docker.RunAsync(
            docker.Container("ignorer", "sh", "-c", "trap '' TERM; while true; do sleep 0.1; done"), Timeout);
        await WaitForRunningAsync(id);
        var clock = Stopwatch.StartNew();

        await docker.Client.Containers.StopAsync(id, TimeSpan.FromSeconds(2), Timeout);

        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(1.5), $"stop took only {clock.Elapsed}");
        var state = (await docker.Client.Containers.InspectAsync(id, Timeout))!.State;
        Assert.False(state.Running);
        Assert.Equal(137, state.ExitCode);
    }

    [Fact]
    public async Task KillAsync_RunningContainer_EndsItWithTheSignal()
    {
        var id = await docker.RunAsync(docker.Container("killme", "sleep", "300"), Timeout);

        await docker.Client.Containers.KillAsync(id, ct: Timeout);
        var exit = await docker.Client.Containers.WaitAsync(id, ct: Timeout);

        Assert.Equal(137, exit.ExitCode);
        var error = await Assert.ThrowsAsync<DockerEngineException>(() => docker.Client.Containers.KillAsync(id, ct: Timeout));
        Assert.Equal($"container {id[..12]} is not running", error.Message);
    }

    [Fact]
    public async Task ListAsync_FilteredByLabel_ReturnsOnlyMatchingContainers()
    {
        var created = new List<string>();
        foreach (var role in new[] { "alpha", "beta", "alpha" })
        {
            var spec = docker.Container($"list-{role}-{created.Count}", "true") with { Labels = docker.LabelsWith(("wharf.test.role", role)) };
            created.Add((await docker.Client.Containers.CreateAsync(spec, Timeout)).Id);
        }

        var alphas = await docker.Client.Containers.ListAsync(docker.RunFilter.Label("wharf.test.role", "alpha"), ct: Timeout);
        var runningOnly = await docker.Client.Containers.ListAsync(docker.RunFilter.Label("wharf.test.role", "alpha"), all: false, ct: Timeout);

        Assert.Equal(new[] { created[0], created[2] }.Order(), alphas.Select(c => c.Id).Order());
        Assert.All(alphas, c => Assert.Equal("created", c.State));
        Assert.Empty(runningOnly);
    }

    [Fact]
    public async Task StartAsync_PortTakenByAnotherContainer_SaysThePortIsInUse()
    {
        var port = FreePort.Find();
        var mapping = new PortMapping(80, port);
        var firstId = await docker.RunAsync(docker.Container("port-a", "sleep", "300") with { Ports = [mapping] }, Timeout);
        var second = await docker.Client.Containers.CreateAsync(docker.Container("port-b", "sleep", "300") with { Ports = [mapping] }, Timeout);

        var error = await Assert.ThrowsAsync<DockerEngineException>(() => docker.Client.Containers.StartAsync(second.Id, Timeout));

        Assert.StartsWith($"port 127.0.0.1:{port} is already in use by another container or process", error.Message, StringComparison.Ordinal);
        var first = await docker.Client.Containers.InspectAsync(firstId, Timeout);
        var binding = Assert.Single(first!.NetworkSettings.Ports!["80/tcp"]!);
        Assert.Equal("127.0.0.1", binding.HostIp);
        Assert.Equal(port.ToString(CultureInfo.InvariantCulture), binding.HostPort);
    }

    [Fact]
    public async Task StartAsync_PortTakenByHostProcess_SaysThePortIsInUse()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var created = await docker.Client.Containers.CreateAsync(
            docker.Container("port-host", "sleep", "300") with { Ports = [new PortMapping(8080, port)] }, Timeout);

        var error = await Assert.ThrowsAsync<DockerEngineException>(() => docker.Client.Containers.StartAsync(created.Id, Timeout));

        Assert.StartsWith($"port 127.0.0.1:{port} is already in use by another container or process", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAsync_UnknownImage_SaysToBuildItFirst()
    {
        var image = $"wharf-test/{docker.RunId}-missing:v1";

        var error = await Assert.ThrowsAsync<DockerEngineException>(
            () => docker.Client.Containers.CreateAsync(docker.Container("noimage") with { Image = image }, Timeout));

        Assert.Equal($"image {image} not found: build it first or check the name", error.Message);
        Assert.Equal(404, error.StatusCode);
    }

    [Fact]
    public async Task CreateAsync_NameTaken_SaysWhichContainerHasIt()
    {
        var spec = docker.Container("twin", "true");
        var first = await docker.Client.Containers.CreateAsync(spec, Timeout);

        var error = await Assert.ThrowsAsync<DockerEngineException>(() => docker.Client.Containers.CreateAsync(spec, Timeout));

        Assert.True(error.IsConflict);
        Assert.Equal($"container name {spec.Name} is already in use by container {first.Id[..12]}: remove that container or choose another name", error.Message);
    }

    [Fact]
    public async Task InspectAsync_RemovedContainer_ReturnsNull()
    {
        var created = await docker.Client.Containers.CreateAsync(docker.Container("gone", "true"), Timeout);

        await docker.Client.Containers.RemoveAsync(created.Id, force: true, ct: Timeout);

        Assert.Null(await docker.Client.Containers.InspectAsync(created.Id, Timeout));
        var error = await Assert.ThrowsAsync<DockerEngineException>(() => docker.Client.Containers.RemoveAsync(created.Id, ct: Timeout));
        Assert.True(error.IsNotFound);
    }

    // The shell has to install its trap before the stop signal arrives, or the default action applies.
    private async Task WaitForRunningAsync(string id)
    {
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        Assert.True((await docker.Client.Containers.InspectAsync(id, Timeout))!.State.Running);
    }
}
