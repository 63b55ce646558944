using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Wharf.Core.Api;
using Wharf.Core.Runtime;
using Wharf.Runtime.Docker.Engine;
using Wharf.Server.Tests.Infrastructure;

namespace Wharf.Server.Tests.Logs;

/// <summary>
/// A real server over the real Docker engine for the log tests: apps run sh scripts in the local base image, so
/// nothing is built. Fails (never skips) without an engine or the image. Apps it made are deleted at the end.
/// </summary>
public sealed class LogsDockerFixture : IAsyncLifetime
{
    public const string BaseImage = "debian:bookworm-slim";

    private readonly List<(HttpClient Admin, string App)> _apps = [];

    public WharfServerFactory Server { get; } = new();

    public HttpClient Admin { get; private set; } = null!;

    public IProcessRuntime Runtime => Server.Services.GetRequiredService<IProcessRuntime>();

    public async Task InitializeAsync()
    {
        Admin = Server.AdminClient();
        await RequireEngineAsync(Server.Services.GetRequiredService<IDockerClient>());
    }

    /// <summary>Fails the test class at once, saying why, when there is no engine or no base image.</summary>
    public static async Task RequireEngineAsync(IDockerClient docker)
    {
        ArgumentNullException.ThrowIfNull(docker);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await docker.System.GetVersionAsync(cts.Token);
        }
        catch (Exception e) when (e is DockerEngineException or OperationCanceledException or HttpRequestException)
        {
            throw new InvalidOperationException($"Docker engine not reachable at {docker.Endpoint}: run scripts/test (it starts dockerd). Cause: {e.Message}", e);
        }

        if (await docker.Images.InspectAsync(BaseImage, cts.Token) is null)
        {
            throw new InvalidOperationException($"The base image {BaseImage} is missing: run scripts/test (ensure_base_images in scripts/lib/docker.sh builds it).");
        }
    }

    /// <summary>A new app ("lg" and 10 hex digits), deleted when the class is done.</summary>
    public async Task<string> CreateAppAsync(HttpClient? admin = null)
    {
        admin ??= Admin;
        var app = "lg" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(5));
        await admin.CreateAppAsync(app);
        lock (_apps)
        {
            _apps.Add((admin, app));
        }

        return app;
    }

    /// <summary>Deploys the manifest and waits for the deployment to end; returns it.</summary>
    public static async Task<DeploymentInfo> DeployAsync(HttpClient admin, string app, string manifest)
    {
        ArgumentNullException.ThrowIfNull(admin);
        var started = await HttpAssert.OkAsync<DeploymentInfo>(await admin.PostAsync($"/v1/apps/{app}/deployments", AppTar.Manifest(manifest)), HttpStatusCode.Accepted);
        var deadline = DateTimeOffset.UtcNow.AddMinutes(3);
        while (true)
        {
            var deployment = await HttpAssert.OkAsync<DeploymentInfo>(await admin.GetAsync($"/v1/apps/{app}/deployments/{started.Id}"));
            if (deployment.Status is "succeeded" or "failed" or "cancelled")
            {
                return deployment;
            }

            Assert.True(DateTimeOffset.UtcNow < deadline, $"Deployment {started.Id} of {app} still {deployment.Status} after 3 minutes.");
            await Task.Delay(250);
        }
    }

    /// <summary>Polls the (unfollowed) log until <paramref name="done"/> holds for its lines; fails after <paramref name="seconds"/>.</summary>
    public static async Task<List<LogLineInfo>> WaitForLinesAsync(HttpClient client, string path, Func<List<LogLineInfo>, bool> done, int seconds = 60)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var lines = await LogFollower.ReadAllAsync(client, path);
            if (done(lines))
            {
                return lines;
            }

            Assert.True(DateTimeOffset.UtcNow < deadline, $"{path}: still waiting after {seconds} s; last lines: {string.Join(" | ", lines.TakeLast(10).Select(l => l.Text))}");
            await Task.Delay(250);
        }
    }

    public static async Task ScaleAsync(HttpClient admin, string app, string service, int count)
    {
        ArgumentNullException.ThrowIfNull(admin);
        (await admin.PatchAsJsonAsync($"/v1/apps/{app}/formation", new Dictionary<string, int> { [service] = count })).EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync()
    {
        foreach (var (admin, app) in _apps)
        {
            try
            {
                await admin.DeleteAsync($"/v1/apps/{app}");
            }
            catch (Exception e) when (e is HttpRequestException or ObjectDisposedException or TaskCanceledException)
            {
                // That server is gone (a restart test); its containers are removed below.
            }
        }

        Admin.Dispose();
        await Server.DisposeAsync();
        using var docker = new DockerClient(new DockerClientOptions());
        var runtime = new Wharf.Runtime.Docker.Runtime.DockerProcessRuntime(docker, Microsoft.Extensions.Logging.Abstractions.NullLogger<Wharf.Runtime.Docker.Runtime.DockerProcessRuntime>.Instance);
        foreach (var (_, app) in _apps)
        {
            await runtime.RemoveAppAsync(app);
        }
    }
}
