using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging.Abstractions;
using Wharf.Core.Runtime;
using Wharf.Runtime.Docker.Engine;
using Wharf.Runtime.Docker.Runtime;
using Wharf.Runtime.Docker.Tests.Integration;
using Wharf.Runtime.Docker.Tests.TestSupport;

namespace Wharf.Runtime.Docker.Tests.Runtime;

/// <summary>
/// Shared by every runtime test: a client to the real engine (failing loudly without one) and an image with
/// busybox in it, built once per run because it needs the Debian mirror. Each test gets its own app name and
/// removes that app when done; the image goes when the run ends.
/// </summary>
public sealed partial class RuntimeFixture : IAsyncLifetime, IDisposable
{
    // Leftovers of a crashed run are removed after this long, not sooner: another run may still be using them.
    private static readonly TimeSpan _staleAfter = TimeSpan.FromHours(2);

    public RuntimeFixture()
    {
        Client = new DockerClient(new DockerClientOptions());
        RunId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        Image = $"wharf-test/runtime-{RunId}:1";
    }

    public DockerClient Client { get; }

    public string RunId { get; }

    /// <summary>debian:bookworm-slim plus busybox (httpd, wget) and /www/index.html saying <see cref="Greeting"/>.</summary>
    public string Image { get; }

    public const string Greeting = "hello-from-wharf";

    public string ImageId { get; private set; } = "";

    /// <summary>The build's output lines, as the builder passed them on.</summary>
    public IReadOnlyList<string> BuildOutput { get; private set; } = [];

    /// <summary>A fresh runtime over the shared client, as a restarted server would make one.</summary>
    public DockerProcessRuntime NewRuntime() => new(Client, NullLogger<DockerProcessRuntime>.Instance);

    public DockerImageBuilder NewBuilder() => new(Client, NullLogger<DockerImageBuilder>.Instance);

    /// <summary>A unique app name: "t" and 8 hex digits.</summary>
    public static string NewApp() => "t" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));

    public async Task InitializeAsync()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await Client.System.GetVersionAsync(cts.Token);
        }
        catch (Exception e) when (e is DockerEngineException or OperationCanceledException or HttpRequestException)
        {
            throw new InvalidOperationException(
                $"Docker engine not reachable at {Client.Endpoint}: run scripts/test (it starts dockerd). Cause: {e.Message}", e);
        }

        if (await Client.Images.InspectAsync(DockerEngineFixture.BaseImage, cts.Token) is null)
        {
            throw new InvalidOperationException(
                $"The base image {DockerEngineFixture.BaseImage} is missing from the engine at {Client.Endpoint}: run scripts/test (ensure_base_images in scripts/lib/docker.sh builds it).");
        }

        await RemoveStaleAppsAsync(cts.Token);
        await BuildImageAsync(cts.Token);
    }

    public async Task DisposeAsync()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        if (ImageId.Length > 0)
        {
            await Client.Images.RemoveAsync(ImageId, force: true, cts.Token);
        }
    }

    public void Dispose() => Client.Dispose();

    private async Task BuildImageAsync(CancellationToken ct)
    {
        // The labels let the engine tests' fixture clean the image up should this run crash before DisposeAsync.
        using var context = TarContext.WithDockerfile($"""
            FROM {DockerEngineFixture.BaseImage}
            LABEL {DockerEngineFixture.TestLabel}=1 {DockerEngineFixture.RunLabel}=runtime-{RunId}
            RUN apt-get update && apt-get install -y --no-install-recommends busybox && rm -rf /var/lib/apt/lists/*
            RUN mkdir /www && echo {Greeting} > /www/index.html
            """);
        var lines = new List<string>();
        ImageId = await NewBuilder().BuildAsync(
            new ImageBuildRequest(context, "Dockerfile", new Dictionary<string, string>(), Image),
            (line, _) =>
            {
                lines.Add(line);
                return Task.CompletedTask;
            },
            ct);
        BuildOutput = lines;
    }

    private async Task RemoveStaleAppsAsync(CancellationToken ct)
    {
        var cutoff = DateTimeOffset.UtcNow - _staleAfter;
        using var runtime = NewRuntime();
        var stale = (await runtime.ListAsync(ct: ct))
            .Where(p => TestAppName().IsMatch(p.App) && p.CreatedAt < cutoff)
            .Select(p => p.App)
            .Distinct();
        foreach (var app in stale)
        {
            await runtime.RemoveAppAsync(app, ct);
        }
    }

    [GeneratedRegex("^t[0-9a-f]{8}$")]
    private static partial Regex TestAppName();
}
