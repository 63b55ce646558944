using System.Security.Cryptography;
using Microsoft.Extensions.Logging.Abstractions;
using Wharf.Core.Runtime;
using Wharf.Runtime.Docker.Engine;
using Wharf.Runtime.Docker.Runtime;
using Wharf.Server.Tests.Infrastructure;

namespace Wharf.Server.Tests.Processes;

/// <summary>
/// A real server over the real Docker engine and the examples/worker image, for a class of process tests. Fails
/// (never skips) without an engine or the base image. Every app made through it is removed from the engine at the
/// end, and the image with it.
/// </summary>
public sealed class ProcessDockerFixture : IAsyncLifetime
{
    public const string BaseImage = "debian:bookworm-slim";

    private readonly List<string> _apps = [];

    public ProcessServer Server { get; } = new(new WharfServerFactory());

    public string Image { get; private set; } = "";

    public IDockerClient Docker => Server.Factory.Services.GetRequiredService<IDockerClient>();

    public async Task InitializeAsync()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await Docker.System.GetVersionAsync(cts.Token);
        }
        catch (Exception e) when (e is DockerEngineException or OperationCanceledException or HttpRequestException)
        {
            throw new InvalidOperationException($"Docker engine not reachable at {Docker.Endpoint}: run scripts/test (it starts dockerd). Cause: {e.Message}", e);
        }

        if (await Docker.Images.InspectAsync(BaseImage, cts.Token) is null)
        {
            throw new InvalidOperationException($"The base image {BaseImage} is missing: run scripts/test (ensure_base_images in scripts/lib/docker.sh builds it).");
        }

        Image = await WorkerImage.BuildAsync(Server.Factory.Services.GetRequiredService<IImageBuilder>(), cts.Token);
    }

    /// <summary>A new app name ("pt" and 10 hex digits), removed from the engine when the class is done.</summary>
    public string NewApp()
    {
        var app = "pt" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(5));
        lock (_apps)
        {
            _apps.Add(app);
        }

        return app;
    }

    public async Task DisposeAsync()
    {
        // Deleted through the API first, so the server's reconciler stops keeping them running; then, once the
        // server is gone, whatever a last reconciler round may have started is removed from the engine directly.
        foreach (var app in _apps)
        {
            await Server.Admin.DeleteAsync($"/v1/apps/{app}");
        }

        await Server.DisposeAsync();
        using var client = new DockerClient(new DockerClientOptions());
        var runtime = new DockerProcessRuntime(client, NullLogger<DockerProcessRuntime>.Instance);
        foreach (var app in _apps)
        {
            await runtime.RemoveAppAsync(app);
        }

        if (Image.Length > 0)
        {
            await client.Images.RemoveAsync(Image, force: true);
        }
    }
}
