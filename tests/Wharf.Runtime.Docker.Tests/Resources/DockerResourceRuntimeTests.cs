using System.Security.Cryptography;
using Microsoft.Extensions.Logging.Abstractions;
using Wharf.Core.Resources;
using Wharf.Manifest;
using Wharf.Runtime.Docker.Engine;
using Wharf.Runtime.Docker.Resources;
using Wharf.Runtime.Docker.Runtime;
using Wharf.Runtime.Docker.Tests.TestSupport;

namespace Wharf.Runtime.Docker.Tests.Resources;

/// <summary>The resource runtime on the real engine with the local redis:7 image: create, exec, set aside, put back, remove.</summary>
[Trait("Category", TestCategories.Docker)]
public sealed class DockerResourceRuntimeTests : IAsyncLifetime, IDisposable
{
    private const string Image = "redis:7";

    private readonly DockerClient _client = new(new DockerClientOptions());
    private readonly AppNetworks _networks;
    private readonly DockerResourceRuntime _runtime;
    private readonly string _app = "tr" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));

    public DockerResourceRuntimeTests()
    {
        _networks = new AppNetworks(_client, NullLogger.Instance);
        _runtime = new DockerResourceRuntime(_client, _networks, NullLogger<DockerResourceRuntime>.Instance);
    }

    private static CancellationToken Timeout => new CancellationTokenSource(TimeSpan.FromSeconds(90)).Token;

    public async Task InitializeAsync()
    {
        if (await _client.Images.InspectAsync(Image, Timeout) is null)
        {
            throw new InvalidOperationException($"The image {Image} is missing: run scripts/test (ensure_images in scripts/lib/images.sh builds it from images/redis).");
        }
    }

    [Fact]
    public async Task CreateAsync_Redis_RunsOnTheAppNetworkAnswersExecsAndKeepsItsVolume()
    {
        var instance = await _runtime.CreateAsync(Spec("pw1"), Timeout);

        Assert.Equal((_app, "cache", ResourceState.Running, $"wharf-{_app}-cache-data"), (instance.App, instance.Name, instance.State, instance.Volume));
        Assert.Equal(instance, await _runtime.GetAsync(_app, "cache", Timeout) is { } found ? found with { StartedAt = instance.StartedAt } : null);
        Assert.Equal([instance.Id], (await _runtime.ListAsync(_app, Timeout)).Select(i => i.Id));
        Assert.Equal(["cache"], (await _runtime.VolumesAsync(_app, Timeout)).Select(v => v.Resource));
        var container = await _client.Containers.InspectAsync(instance.Id, Timeout);
        Assert.Contains("cache", container!.NetworkSettings.Networks![$"wharf-{_app}"].Aliases ?? []);
        Assert.Equal("PONG", await WaitForPingAsync(instance, "pw1"));
    }

    [Fact]
    public async Task ExecAsync_InputAndBinaryOutput_PassThroughUntouched()
    {
        var instance = await _runtime.CreateAsync(Spec("pw1"), Timeout);
        var input = new byte[200_000];
        new Random(3).NextBytes(input);
        using var output = new MemoryStream();

        var code = await _runtime.ExecAsync(instance, new ResourceExec(new ResourceCommandLine(["sh", "-c", "cat; exit 4"]))
        {
            Input = new MemoryStream(input),
            Stdout = async (bytes, ct) => await output.WriteAsync(bytes, ct),
        }, Timeout);

        Assert.Equal(4, code);
        Assert.Equal(input, output.ToArray());
    }

    [Fact]
    public async Task SetAsideThenReinstate_ReplacementFailed_TheOldContainerComesBackWithItsData()
    {
        var old = await _runtime.CreateAsync(Spec("pw1"), Timeout);
        await WaitForPingAsync(old, "pw1");
        await RedisAsync(old, "pw1", "SET", "kept", "yes");
        await RedisAsync(old, "pw1", "SAVE");

        await _runtime.SetAsideAsync(old, TimeSpan.FromSeconds(10), Timeout);
        Assert.Null(await _runtime.GetAsync(_app, "cache", Timeout));
        var replacement = await _runtime.CreateAsync(Spec("pw2"), Timeout);
        Assert.Equal(old.Volume, replacement.Volume);
        await _runtime.RemoveAsync(replacement, TimeSpan.FromSeconds(10), Timeout);
        await _runtime.ReinstateAsync(old, Timeout);

        var back = await _runtime.GetAsync(_app, "cache", Timeout);
        Assert.Equal((old.Id, ResourceState.Running), (back!.Id, back.State));
        await WaitForPingAsync(back, "pw1");
        Assert.Equal("yes", await RedisAsync(back, "pw1", "GET", "kept"));
    }

    [Fact]
    public async Task RemoveThenRemoveData_ContainerAndVolumeGo()
    {
        var instance = await _runtime.CreateAsync(Spec("pw1"), Timeout);

        await _runtime.RemoveAsync(instance, TimeSpan.FromSeconds(10), Timeout);
        Assert.Null(await _runtime.FindAsync(instance.Id, Timeout));
        Assert.Single(await _runtime.VolumesAsync(_app, Timeout));
        await _runtime.RemoveDataAsync(_app, "cache", Timeout);

        Assert.Empty(await _runtime.VolumesAsync(_app, Timeout));
    }

    [Fact]
    public async Task RemoveDataAsync_ContainerLeftSetAside_RemovesItAndTheVolume()
    {
        var instance = await _runtime.CreateAsync(Spec("pw1"), Timeout);
        await _runtime.SetAsideAsync(instance, TimeSpan.FromSeconds(10), Timeout);

        await _runtime.RemoveDataAsync(_app, "cache", Timeout);

        Assert.Null(await _runtime.FindAsync(instance.Id, Timeout));
        Assert.Empty(await _runtime.VolumesAsync(_app, Timeout));
    }

    [Fact]
    public async Task CreateAsync_ImageMissingAndNoRegistry_ThrowsImageMissing()
    {
        var error = await Assert.ThrowsAsync<ResourceImageMissingException>(() => _runtime.CreateAsync(Spec("pw") with { Image = "redis:99-not-here" }, Timeout));

        Assert.StartsWith("image redis:99-not-here is not on this Docker engine and pulling it failed: ", error.Message, StringComparison.Ordinal);
    }

    public async Task DisposeAsync()
    {
        var ct = Timeout;
        foreach (var container in await _client.Containers.ListAsync(DockerFilters.WithLabel("wharf.app", _app), all: true, ct))
        {
            await _client.Containers.RemoveAsync(container.Id, force: true, ct: ct);
        }

        foreach (var volume in await _client.Volumes.ListAsync(DockerFilters.WithLabel("wharf.app", _app), ct))
        {
            await _client.Volumes.RemoveAsync(volume.Name, force: true, ct);
        }

        await _networks.RemoveAsync(_app, ct);
    }

    public void Dispose()
    {
        _networks.Dispose();
        _client.Dispose();
    }

    private ResourceSpec Spec(string password) =>
        ResourceKinds.For(ResourceType.Redis).Spec(_app, "cache", new ResourceSettings("7", null, true), new ResourceCredentials("default", password, "0"));

    private async Task<string> RedisAsync(ResourceInstance instance, string password, params string[] command)
    {
        var line = new ResourceCommandLine(["redis-cli", .. command]) { Environment = new Dictionary<string, string> { ["REDISCLI_AUTH"] = password } };
        var result = await ResourceCommands.RunAsync(_runtime, instance, line, Timeout);
        return result.Stdout.Trim();
    }

    private async Task<string> WaitForPingAsync(ResourceInstance instance, string password)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var answer = await RedisAsync(instance, password, "ping");
            if (answer == "PONG" || DateTime.UtcNow > deadline)
            {
                return answer;
            }

            await Task.Delay(100);
        }
    }
}
