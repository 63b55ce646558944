using Microsoft.Extensions.Logging;
using Wharf.Core.Blobs;
using Wharf.Core.Builds;
using Wharf.Core.Config;
using Wharf.Core.Releases;
using Wharf.Core.Runtime;
using Wharf.Core.State;
using Wharf.Manifest;

namespace Wharf.Core.Deployments;

/// <summary>
/// The build half of a deploy: reads wharf.yml from the uploaded source (interpolated with the app's env, in
/// memory only), then builds each service that has <c>build:</c>, or reuses the images of an identical earlier
/// build. Output goes to the deployment's log and the build's own. Marks the build succeeded; a failure throws
/// <see cref="DeploymentFailedException"/> and the caller marks it failed.
/// </summary>
public sealed class DeployBuilder(
    IStateStore state,
    IBlobStore blobs,
    EnvVault vault,
    RolloutPlanner planner,
    IImageBuilder builder,
    BuildCache cache,
    DeploymentOptions options,
    TimeProvider clock,
    ILogger<DeployBuilder> logger)
{
    public async Task<Build> BuildAsync(string app, int number, Func<string, Task> log, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(log);
        var build = await state.Builds.GetAsync(app, number, ct)
            ?? throw new DeploymentFailedException($"Build {number} of app '{app}' is no longer recorded: deploy again.");
        var file = await ReadManifestAsync(app, number, ct);
        var env = await vault.ReadAsync(app, (await state.Env.LatestAsync(app, ct))?.Version, ct);
        var parsed = ManifestLoader.Parse(file.Text, file.Name, env);
        if (!parsed.IsValid)
        {
            throw new DeploymentFailedException(RolloutPlanner.ManifestErrors(parsed.Errors));
        }

        var manifest = parsed.Manifest!;
        await log($"Read {file.Name}: {manifest.Describe()}");
        var images = await WithinBuildTimeoutAsync(limit => ImagesAsync(app, number, manifest, log, limit), ct);
        foreach (var service in manifest.Services.Values.Where(s => s.Image is not null))
        {
            images[service.Name] = service.Image!;
        }

        build = build with { Status = BuildStatus.Succeeded, Images = images, Manifest = file.Text, FinishedAt = clock.GetUtcNow() };
        await state.Builds.UpdateAsync(build, CancellationToken.None);
        await log($"Build {number} succeeded");
        return build;
    }

    /// <summary>
    /// Before a release is rolled out again (a rollback, a promotion, an env change): builds again, from the stored
    /// source of its build, each of its images that is gone from the engine, under the same name. The image pruner
    /// removes those of releases older than the newest it keeps; a rollback to one of them must still restore the
    /// code. Services with <c>image:</c> are the runtime's to pull, as always.
    /// </summary>
    public async Task RestoreImagesAsync(Release release, Func<string, Task> log, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(release);
        ArgumentNullException.ThrowIfNull(log);
        if (release.Build is not int number)
        {
            return;
        }

        var plan = await planner.PlanAsync(release, ct);
        foreach (var service in plan.Manifest.Services.Values.Where(s => s.Build is not null))
        {
            if (!plan.Images.TryGetValue(service.Name, out var image) || await builder.ExistsAsync(image, ct))
            {
                continue;
            }

            await log(
                $"The image {image} is gone from the engine (Wharf keeps the images of the newest {ImagePruner.KeepReleases} releases "
                + $"and {ImagePruner.KeepBuilds} builds): building it again from the source of build {number}");
            DeploymentLog.ImageRestoring(logger, release.App, number, service.Name, image);
            await WithinBuildTimeoutAsync(limit => BuildServiceAsync(release.App, number, service, image, log, limit), ct);
        }
    }

    private async Task<T> WithinBuildTimeoutAsync<T>(Func<CancellationToken, Task<T>> build, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.BuildTimeout);
        try
        {
            return await build(timeout.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            throw new DeploymentFailedException(
                $"Building the images took longer than {options.BuildTimeout} and was stopped: make the build faster, or raise {DeploymentOptions.SectionName}:BuildTimeout on the server.");
        }
    }

    private async Task<Dictionary<string, string>> ImagesAsync(string app, int number, AppManifest manifest, Func<string, Task> log, CancellationToken ct)
    {
        var built = manifest.Services.Values.Where(s => s.Build is not null).ToList();
        var images = new Dictionary<string, string>(StringComparer.Ordinal);
        if (built.Count == 0)
        {
            return images;
        }

        var key = await cache.KeyAsync(app, number, manifest, ct);
        if (key is not null && await ReuseAsync(app, number, key, built, images, ct) is { } earlier)
        {
            await log($"Using cached images of build {earlier.Number} (same source and build settings)");
            DeploymentLog.BuildReused(logger, app, number, earlier.Number);
        }
        else
        {
            foreach (var service in built)
            {
                images[service.Name] = await BuildServiceAsync(app, number, service, ImageTags.For(app, service.Name, number), log, ct);
            }
        }

        if (key is not null)
        {
            await cache.RememberAsync(app, number, key, CancellationToken.None);
        }

        return images;
    }

    /// <summary>
    /// Tags the images of the newest earlier build with this cache key as this build's, filling in
    /// <paramref name="images"/>; null (nothing reused) when no such build still has its images. Tagging is the
    /// check that the images still exist (one engine request each, on the way of every unchanged deploy); only
    /// when it fails are the earlier builds searched for one whose images all exist.
    /// </summary>
    private async Task<Build?> ReuseAsync(
        string app, int number, string key, List<ServiceManifest> built, Dictionary<string, string> images, CancellationToken ct)
    {
        var services = built.Select(s => s.Name).ToList();
        if (await cache.FindAsync(app, number, key, services, verifyImages: false, ct) is not { } newest)
        {
            return null;
        }

        try
        {
            await TagAsync(app, number, newest, built, images, ct);
            return newest;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            images.Clear();
        }

        if (await cache.FindAsync(app, number, key, services, verifyImages: true, ct) is not { } existing)
        {
            return null;
        }

        await TagAsync(app, number, existing, built, images, ct);
        return existing;
    }

    private async Task TagAsync(
        string app, int number, Build earlier, List<ServiceManifest> built, Dictionary<string, string> images, CancellationToken ct)
    {
        foreach (var service in built)
        {
            var tag = ImageTags.For(app, service.Name, number);
            await builder.TagAsync(earlier.Images[service.Name], tag, ct);
            images[service.Name] = tag;
        }
    }

    private async Task<string> BuildServiceAsync(
        string app, int number, ServiceManifest service, string tag, Func<string, Task> log, CancellationToken ct)
    {
        var settings = service.Build!;
        await log($"Building {service.Name} ({tag}) from {settings.Path} with {settings.Dockerfile} ...");
        await using var context = await OpenContextAsync(app, number, service, ct);
        var last = new Queue<string>();
        try
        {
            await builder.BuildAsync(
                new ImageBuildRequest(context, settings.Dockerfile, settings.Args, tag),
                async (line, _) =>
                {
                    last.Enqueue(line);
                    if (last.Count > ProcessReadiness.LastLines)
                    {
                        last.Dequeue();
                    }

                    await log(line);
                },
                ct);
        }
        catch (ImageBuildException e)
        {
            // A builder's message may carry the failing lines already; without them, the last lines seen are the clue.
            var detail = e.Message.Contains('\n', StringComparison.Ordinal) || last.Count == 0
                ? e.Message
                : $"{e.Message}\n{string.Join('\n', last)}";
            throw new DeploymentFailedException($"Building {service.Name} failed: {detail}", e);
        }

        await log($"Built {tag}");
        DeploymentLog.ImageBuilt(logger, app, number, service.Name, tag);
        return tag;
    }

    /// <summary>The source tar for one service: the whole upload for build path ".", else its subtree in a temporary file.</summary>
    private async Task<Stream> OpenContextAsync(string app, int number, ServiceManifest service, CancellationToken ct)
    {
        var source = await OpenSourceAsync(app, number, ct);
        var path = service.Build!.Path;
        if (ContextArchive.DirectoryPrefix(path).Length == 0)
        {
            return source;
        }

        await using (source)
        {
            var subtree = TemporaryFile();
            try
            {
                if (await ContextArchive.ExtractSubtreeAsync(source, path, subtree, ct) == 0)
                {
                    throw new DeploymentFailedException(
                        $"The build path '{path}' of service '{service.Name}' is not a directory of the uploaded source (or is empty, or excluded by .dockerignore): fix build.path in wharf.yml.");
                }

                subtree.Position = 0;
                return subtree;
            }
            catch
            {
                await subtree.DisposeAsync();
                throw;
            }
        }
    }

    private async Task<ManifestFile> ReadManifestAsync(string app, int number, CancellationToken ct)
    {
        await using var source = await OpenSourceAsync(app, number, ct);
        return await ContextArchive.ReadManifestAsync(source, ct)
            ?? throw new DeploymentFailedException(
                $"The uploaded source has no {ManifestLoader.FileName} at its root: deploy the directory that holds it (`wharf deploy DIR`).");
    }

    private async Task<Stream> OpenSourceAsync(string app, int number, CancellationToken ct) =>
        await blobs.OpenReadAsync(DeploymentBlobs.Context(app, number), ct)
            ?? throw new DeploymentFailedException($"The uploaded source of build {number} is missing from the blob store: deploy again.");

    private static FileStream TemporaryFile() => new(
        Path.Combine(Path.GetTempPath(), $"wharf-context-{Guid.NewGuid():N}.tar"),
        FileMode.CreateNew,
        FileAccess.ReadWrite,
        FileShare.None,
        bufferSize: 81920,
        FileOptions.Asynchronous | FileOptions.DeleteOnClose);
}
