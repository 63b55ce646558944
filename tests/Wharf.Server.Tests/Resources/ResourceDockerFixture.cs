using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Wharf.Runtime.Docker.Engine;

namespace Wharf.Server.Tests.Resources;

/// <summary>
/// What the resource tests share: a check that the engine, the base image and the resource images are there (it
/// fails loudly, never skips), unique app names, and clean-up straight on the engine, so an app's containers,
/// volumes, network and images go even when the server that made them did not survive the test.
/// </summary>
public sealed partial class ResourceDockerFixture : IAsyncLifetime, IDisposable
{
    public static readonly string[] RequiredImages = ["debian:bookworm-slim", "postgres:15", "redis:7"];

    // Leftovers of a crashed run are removed after this long, not sooner: another run may still be using them.
    private static readonly TimeSpan _staleAfter = TimeSpan.FromHours(1);

    private readonly List<string> _apps = [];

    /// <summary>A client of its own: it outlives every server a test starts and stops.</summary>
    public DockerClient Docker { get; } = new(new DockerClientOptions());

    public async Task InitializeAsync()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await Docker.System.GetVersionAsync(cts.Token);
        }
        catch (Exception e) when (e is DockerEngineException or OperationCanceledException or HttpRequestException)
        {
            throw new InvalidOperationException(
                $"Docker engine not reachable at {Docker.Endpoint}: run scripts/test (it starts dockerd). Cause: {e.Message}", e);
        }

        foreach (var image in RequiredImages)
        {
            if (await Docker.Images.InspectAsync(image, cts.Token) is null)
            {
                throw new InvalidOperationException(
                    $"The image {image} is missing: run scripts/test (ensure_docker in scripts/lib/docker.sh makes the base image, " +
                    "ensure_images in scripts/lib/images.sh builds postgres:15 and redis:7 from images/).");
            }
        }

        await RemoveStaleAsync(cts.Token);
    }

    /// <summary>A new app name ("rs" and 10 hex digits), cleaned up when the class is done.</summary>
    public string NewApp()
    {
        var app = "rs" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(5));
        lock (_apps)
        {
            _apps.Add(app);
        }

        return app;
    }

    /// <summary>Removes everything of the app from the engine: containers (processes and resources), volumes, network, images.</summary>
    public async Task RemoveAppAsync(string app, CancellationToken ct = default)
    {
        foreach (var container in await Docker.Containers.ListAsync(DockerFilters.WithLabel("wharf.app", app), all: true, ct))
        {
            await IgnoreMissingAsync(() => Docker.Containers.RemoveAsync(container.Id, force: true, ct: ct));
        }

        foreach (var volume in await Docker.Volumes.ListAsync(DockerFilters.WithLabel("wharf.app", app), ct))
        {
            await IgnoreMissingAsync(() => Docker.Volumes.RemoveAsync(volume.Name, force: true, ct));
        }

        foreach (var network in await Docker.Networks.ListAsync(DockerFilters.WithLabel("wharf.app", app), ct))
        {
            await IgnoreMissingAsync(() => Docker.Networks.RemoveAsync(network.Id, ct));
        }

        var repository = $"wharf/{app}-";
        foreach (var tag in (await Docker.Images.ListAsync(DockerFilters.None.Add("reference", repository + "*"), ct)).SelectMany(i => i.RepoTags ?? []))
        {
            if (tag.StartsWith(repository, StringComparison.Ordinal))
            {
                await IgnoreMissingAsync(() => Docker.Images.RemoveAsync(tag, ct: ct));
            }
        }
    }

    public async Task DisposeAsync()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        List<string> apps;
        lock (_apps)
        {
            apps = [.. _apps];
        }

        foreach (var app in apps)
        {
            await RemoveAppAsync(app, cts.Token);
        }
    }

    public void Dispose() => Docker.Dispose();

    private async Task RemoveStaleAsync(CancellationToken ct)
    {
        var cutoff = DateTimeOffset.UtcNow - _staleAfter;
        var stale = (await Docker.Containers.ListAsync(DockerFilters.WithLabel("wharf.app"), all: true, ct))
            .Where(c => DateTimeOffset.FromUnixTimeSeconds(c.Created) < cutoff)
            .Select(c => c.Labels?.GetValueOrDefault("wharf.app") ?? "")
            .Where(app => TestAppName().IsMatch(app))
            .Distinct();
        foreach (var app in stale)
        {
            await RemoveAppAsync(app, ct);
        }
    }

    private static async Task IgnoreMissingAsync(Func<Task> remove)
    {
        try
        {
            await remove();
        }
        catch (DockerEngineException e) when (e.IsNotFound || e.IsConflict)
        {
        }
    }

    [GeneratedRegex("^rs[0-9a-f]{10}$")]
    private static partial Regex TestAppName();
}
