using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Wharf.Core.Api;
using Wharf.Core.Runtime;
using Wharf.Runtime.Docker.Engine;
using Wharf.Server.Tests.Infrastructure;

namespace Wharf.Server.Tests.Deployments;

/// <summary>
/// One real server over the real Docker engine for a class of deploy tests. It fails loudly (never skips) without an
/// engine or the local base image. Apps it was asked to make are deleted at the end (which removes their
/// containers and network), and so are the images built for them.
/// </summary>
public sealed partial class DockerDeployFixture : IAsyncLifetime
{
    public const string BaseImage = "debian:bookworm-slim";

    // Leftovers of a crashed run are removed after this long, not sooner: another run may still be using them.
    private static readonly TimeSpan _staleAfter = TimeSpan.FromHours(1);

    private readonly List<string> _apps = [];

    public WharfServerFactory Server { get; } = new();

    public HttpClient Admin { get; private set; } = null!;

    public IProcessRuntime Runtime => Server.Services.GetRequiredService<IProcessRuntime>();

    public IDockerClient Docker => Server.Services.GetRequiredService<IDockerClient>();

    public async Task InitializeAsync()
    {
        Admin = Server.AdminClient();
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

        if (await Docker.Images.InspectAsync(BaseImage, cts.Token) is null)
        {
            throw new InvalidOperationException(
                $"The base image {BaseImage} is missing: run scripts/test (ensure_base_images in scripts/lib/docker.sh builds it).");
        }

        await RemoveStaleAppsAsync(cts.Token);
    }

    /// <summary>A new app, deleted (with its processes and images) when the class is done.</summary>
    public async Task<string> CreateAppAsync()
    {
        var app = "dk" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(5));
        await Admin.CreateAppAsync(app);
        lock (_apps)
        {
            _apps.Add(app);
        }

        return app;
    }

    public async Task<DeploymentInfo> StartDeployAsync(string app, byte[] tar)
    {
        using var content = new ByteArrayContent(tar);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-tar");
        content.Headers.Add("X-Wharf-Context-Digest", "sha256:" + Convert.ToHexStringLower(SHA256.HashData(tar)));
        return await HttpAssert.OkAsync<DeploymentInfo>(await Admin.PostAsync($"/v1/apps/{app}/deployments", content), System.Net.HttpStatusCode.Accepted);
    }

    /// <summary>Follows the deployment's log to its end (as `wharf deploy` does) and answers the lines and the deployment.</summary>
    public async Task<(DeploymentInfo Deployment, List<string> Log)> FollowAsync(string app, int id)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        using var response = await Admin.GetAsync($"/v1/apps/{app}/deployments/{id}/log?follow=true", HttpCompletionOption.ResponseHeadersRead, cts.Token);
        response.EnsureSuccessStatusCode();
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cts.Token));
        var lines = new List<string>();
        while (await reader.ReadLineAsync(cts.Token) is { } line)
        {
            lines.Add(line);
        }

        var deployment = await HttpAssert.OkAsync<DeploymentInfo>(await Admin.GetAsync($"/v1/apps/{app}/deployments/{id}", cts.Token));
        return (deployment, lines);
    }

    public async Task<(DeploymentInfo Deployment, List<string> Log)> DeployAsync(string app, byte[] tar) =>
        await FollowAsync(app, (await StartDeployAsync(app, tar)).Id);

    /// <summary>The running service processes of one release.</summary>
    public async Task<IReadOnlyList<RuntimeProcess>> ProcessesAsync(string app, int release) =>
        [.. (await Runtime.ListAsync(app)).Where(p => p.Release == release && p.Kind == ProcessKind.Service && p.State == ProcessState.Running)];

    /// <summary>Waits (at most 30 s) until no service process of the release runs: a rollout stops them behind the deployment.</summary>
    public Task<IReadOnlyList<RuntimeProcess>> WhenStoppedAsync(string app, int release) => WhenRunningAsync(app, release, 0);

    /// <summary>
    /// Waits (at most 30 s) until <paramref name="count"/> service processes of the release run; returns those running
    /// then. A rollout stops the processes it replaces behind the deployment, so for a while there can be more.
    /// </summary>
    public async Task<IReadOnlyList<RuntimeProcess>> WhenRunningAsync(string app, int release, int count)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        var running = await ProcessesAsync(app, release);
        while (running.Count != count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            running = await ProcessesAsync(app, release);
        }

        return running;
    }

    /// <summary>What the process answers at "/" (hello answers JSON naming its release).</summary>
    public static async Task<string> GetAsync(RuntimeProcess process)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        return await http.GetStringAsync(new Uri($"http://{process.Address}/"));
    }

    public async Task<AppInfo> AppAsync(string app) => (await Admin.GetFromJsonAsync<AppInfo>($"/v1/apps/{app}"))!;

    private async Task RemoveStaleAppsAsync(CancellationToken ct)
    {
        var cutoff = DateTimeOffset.UtcNow - _staleAfter;
        var stale = (await Runtime.ListAsync(ct: ct)).Where(p => TestAppName().IsMatch(p.App) && p.CreatedAt < cutoff).Select(p => p.App).Distinct();
        foreach (var app in stale)
        {
            await Runtime.RemoveAppAsync(app, ct);
        }
    }

    [GeneratedRegex("^dk[0-9a-f]{10}$")]
    private static partial Regex TestAppName();

    public async Task DisposeAsync()
    {
        // Every app and image is attempted even when one fails; the failures are reported together at the end.
        var failures = new List<string>();
        foreach (var app in _apps)
        {
            var deleted = await Admin.DeleteAsync($"/v1/apps/{app}");
            if (!deleted.IsSuccessStatusCode)
            {
                failures.Add($"Deleting app {app} answered {(int)deleted.StatusCode}: {await deleted.Content.ReadAsStringAsync()}");
            }
        }

        foreach (var app in _apps)
        {
            var repository = $"wharf/{app}-";
            var images = await Docker.Images.ListAsync(DockerFilters.None.Add("reference", repository + "*"));
            foreach (var tag in images.SelectMany(i => i.RepoTags ?? []).Where(t => t.StartsWith(repository, StringComparison.Ordinal)))
            {
                try
                {
                    // By tag: an image id may be shared with other apps' tags (the engine's layer cache).
                    await Docker.Images.RemoveAsync(tag);
                }
                catch (DockerEngineException e)
                {
                    if (!e.IsNotFound)
                    {
                        failures.Add($"Removing image {tag} failed: {e.Message}");
                    }
                }
            }
        }

        Admin.Dispose();
        await Server.DisposeAsync();
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }
}
