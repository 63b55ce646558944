using System.Security.Cryptography;
using Wharf.Runtime.Docker.Engine;
using Wharf.Runtime.Docker.Engine.Containers;

namespace Wharf.Runtime.Docker.Tests.Integration;

/// <summary>
/// One client to the real engine per test class. It refuses to start (failing every test of the
/// class, loudly) when no engine answers, and removes everything the class created when done.
/// Every object carries wharf.test=1 and this run's wharf.test.run label; cleanup goes by the latter
/// so test runs on the same machine never remove each other's objects.
/// </summary>
public sealed class DockerEngineFixture : IAsyncLifetime, IDisposable
{
    public const string BaseImage = "debian:bookworm-slim";
    public const string TestLabel = "wharf.test";
    public const string RunLabel = "wharf.test.run";

    // Leftovers of a crashed run are removed after this long, not sooner: another run may still be using them.
    private static readonly TimeSpan _staleAfter = TimeSpan.FromHours(2);

    public DockerEngineFixture()
    {
        Client = new DockerClient(new DockerClientOptions());
        RunId = "wt" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
    }

    public DockerClient Client { get; }

    /// <summary>Unique per fixture: part of every name and label this fixture's tests create.</summary>
    public string RunId { get; }

    public IReadOnlyDictionary<string, string> Labels => new Dictionary<string, string>
    {
        [TestLabel] = "1",
        [RunLabel] = RunId,
    };

    public DockerFilters RunFilter => DockerFilters.WithLabel(RunLabel, RunId);

    public string Name(string what) => $"wharf-test-{RunId}-{what}";

    /// <summary>The fixture's labels plus the given ones.</summary>
    public IReadOnlyDictionary<string, string> LabelsWith(params (string Key, string Value)[] extra)
    {
        var labels = new Dictionary<string, string>(Labels);
        foreach (var (key, value) in extra)
        {
            labels[key] = value;
        }

        return labels;
    }

    /// <summary>A container spec for the base image, labelled for cleanup.</summary>
    public ContainerSpec Container(string what, params string[] cmd) => new()
    {
        Image = BaseImage,
        Name = Name(what),
        Cmd = cmd,
        Labels = Labels,
    };

    public async Task<string> RunAsync(ContainerSpec spec, CancellationToken ct)
    {
        var created = await Client.Containers.CreateAsync(spec, ct);
        await Client.Containers.StartAsync(created.Id, ct);
        return created.Id;
    }

    public async Task InitializeAsync()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        try
        {
            await Client.System.GetVersionAsync(cts.Token);
        }
        catch (Exception e) when (e is DockerEngineException or OperationCanceledException or HttpRequestException)
        {
            throw new InvalidOperationException(
                $"Docker engine not reachable at {Client.Endpoint}: run scripts/test (it starts dockerd). Cause: {e.Message}", e);
        }

        if (await Client.Images.InspectAsync(BaseImage, cts.Token) is null)
        {
            throw new InvalidOperationException(
                $"The base image {BaseImage} is missing from the engine at {Client.Endpoint}: run scripts/test (ensure_base_images in scripts/lib/docker.sh builds it).");
        }

        await RemoveStaleLeftoversAsync(cts.Token);
    }

    public async Task DisposeAsync()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await RemoveAllAsync(RunFilter, _ => true, cts.Token);
    }

    public void Dispose() => Client.Dispose();

    private Task RemoveStaleLeftoversAsync(CancellationToken ct)
    {
        var cutoff = DateTimeOffset.UtcNow - _staleAfter;
        return RemoveAllAsync(DockerFilters.WithLabel(TestLabel, "1"), created => created < cutoff, ct);
    }

    private async Task RemoveAllAsync(DockerFilters filter, Func<DateTimeOffset, bool> shouldRemove, CancellationToken ct)
    {
        foreach (var container in await Client.Containers.ListAsync(filter, all: true, ct))
        {
            if (shouldRemove(DateTimeOffset.FromUnixTimeSeconds(container.Created)))
            {
                await IgnoreMissingAsync(() => Client.Containers.RemoveAsync(container.Id, force: true, removeVolumes: true, ct));
            }
        }

        foreach (var network in await Client.Networks.ListAsync(filter, ct))
        {
            if (shouldRemove(network.Created))
            {
                await IgnoreMissingAsync(() => Client.Networks.RemoveAsync(network.Id, ct));
            }
        }

        foreach (var volume in await Client.Volumes.ListAsync(filter, ct))
        {
            if (shouldRemove(volume.CreatedAt))
            {
                await IgnoreMissingAsync(() => Client.Volumes.RemoveAsync(volume.Name, force: true, ct));
            }
        }

        foreach (var image in await Client.Images.ListAsync(filter, ct))
        {
            if (shouldRemove(DateTimeOffset.FromUnixTimeSeconds(image.Created)))
            {
                await IgnoreMissingAsync(() => Client.Images.RemoveAsync(image.Id, force: true, ct));
            }
        }
    }

    private static async Task IgnoreMissingAsync(Func<Task> remove)
    {
        try
        {
            await remove();
        }
        catch (DockerEngineException e) when (e.IsNotFound)
        {
            // Removed already, by the test itself or by removing its container (volumes with v=true).
        }
    }
}
