using System.Security.Cryptography;
using System.Text;
using Wharf.Core.Blobs;
using Wharf.Core.Builds;
using Wharf.Core.Runtime;
using Wharf.Core.State;
using Wharf.Manifest;

namespace Wharf.Core.Deployments;

/// <summary>
/// Lets a deploy reuse the images of an earlier build made from the same source with the same build settings
/// (paths, Dockerfiles, args after interpolation), as long as those images still exist.
/// </summary>
public sealed class BuildCache(IStateStore state, IBlobStore blobs, IImageBuilder builder)
{
    /// <summary>How many of the app's latest builds are looked at.</summary>
    public const int SearchDepth = 20;

    /// <summary>The cache key of a build: its source digest and every built service's settings; null without a digest.</summary>
    public async Task<string?> KeyAsync(string app, int build, AppManifest manifest, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var digest = await ReadTextAsync(DeploymentBlobs.ContextDigest(app, build), ct);
        if (digest is null)
        {
            return null;
        }

        var text = new StringBuilder(digest).Append('\n');
        foreach (var service in manifest.Services.Values.Where(s => s.Build is not null))
        {
            var settings = service.Build!;
            text.Append(service.Name).Append('\0')
                .Append(ContextArchive.DirectoryPrefix(settings.Path)).Append('\0')
                .Append(settings.Dockerfile).Append('\0');
            foreach (var (key, value) in settings.Args.OrderBy(a => a.Key, StringComparer.Ordinal))
            {
                text.Append(key).Append('=').Append(value).Append('\0');
            }

            text.Append('\n');
        }

        return ContextDigest.Format(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>The newest earlier succeeded build with this key whose images (of <paramref name="services"/>) all still exist.</summary>
    /// <param name="verifyImages">
    /// False: the newest build with this key that recorded an image for each service, without asking the image builder
    /// whether they still exist (the caller's use of them is the check).
    /// </param>
    public async Task<Build?> FindAsync(
        string app, int build, string key, IReadOnlyList<string> services, bool verifyImages = true, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        foreach (var earlier in await state.Builds.ListAsync(app, SearchDepth, ct))
        {
            if (earlier.Number == build || earlier.Status != BuildStatus.Succeeded
                || await ReadTextAsync(DeploymentBlobs.CacheKey(app, earlier.Number), ct) != key)
            {
                continue;
            }

            if (verifyImages ? await AllExistAsync(earlier, services, ct) : services.All(earlier.Images.ContainsKey))
            {
                return earlier;
            }
        }

        return null;
    }

    /// <summary>Records the key of a build that succeeded, for later deploys to find.</summary>
    public async Task RememberAsync(string app, int build, string key, CancellationToken ct = default)
    {
        using var content = new MemoryStream(Encoding.UTF8.GetBytes(key), writable: false);
        await blobs.PutAsync(DeploymentBlobs.CacheKey(app, build), content, ct);
    }

    private async Task<bool> AllExistAsync(Build build, IReadOnlyList<string> services, CancellationToken ct)
    {
        foreach (var service in services)
        {
            if (!build.Images.TryGetValue(service, out var image) || !await builder.ExistsAsync(image, ct))
            {
                return false;
            }
        }

        return true;
    }

    private async Task<string?> ReadTextAsync(string key, CancellationToken ct)
    {
        await using var stream = await blobs.OpenReadAsync(key, ct);
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream, Encoding.UTF8);
        return (await reader.ReadToEndAsync(ct)).Trim();
    }
}
