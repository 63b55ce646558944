using Microsoft.Extensions.Logging;
using Wharf.Core.Runtime;
using Wharf.Core.State;

namespace Wharf.Core.Builds;

/// <summary>
/// Keeps the engine's disk from filling with one image per deploy: per app, the images of its current release, of its
/// newest <see cref="KeepReleases"/> releases (what `wharf releases rollback` can go back to) and of its newest
/// <see cref="KeepBuilds"/> builds (one may be in progress, or built and not released yet) stay; every other build's
/// image names are removed. A deleted app's names go with it (<see cref="NamesOfAsync"/>, <see cref="RemoveAsync"/>).
/// Only names the app's own build records list are touched: another Wharf server sharing the engine keeps its own.
/// A name a container still uses stays until it does not. Rolling back to a release whose image was removed builds
/// it again from that build's stored source (<see cref="Deployments.DeployBuilder.RestoreImagesAsync"/>).
/// </summary>
public sealed partial class ImagePruner(IStateStore state, IImageStore images, ILogger<ImagePruner> logger)
{
    public const int KeepReleases = 10;
    public const int KeepBuilds = 3;

    /// <summary>Every image name Wharf gives starts with this (see Deployments.ImageTags).</summary>
    public const string RepositoryPrefix = "wharf/";

    // Far more than any app keeps: the lists must reach every build and release that can still have an image.
    private const int ListLimit = 100_000;

    /// <summary>Removes the image names no app needs; returns how many went.</summary>
    public async Task<int> PruneAsync(CancellationToken ct = default)
    {
        var tags = await images.ListTagsAsync(RepositoryPrefix, ct);
        if (tags.Count == 0)
        {
            return 0;
        }

        var apps = await state.Apps.ListAsync(ct);
        var keep = new HashSet<string>(StringComparer.Ordinal);
        var owned = new HashSet<string>(StringComparer.Ordinal);
        foreach (var app in apps)
        {
            var builds = await state.Builds.ListAsync(app.Name, ListLimit, ct);
            var releases = await state.Releases.ListAsync(app.Name, ListLimit, ct);
            var kept = releases.Take(KeepReleases).Select(r => r.Build)
                .Append(releases.FirstOrDefault(r => r.Version == app.CurrentRelease)?.Build)
                .OfType<int>()
                .Concat(builds.Take(KeepBuilds).Select(b => b.Number))
                .ToHashSet();
            foreach (var build in builds)
            {
                foreach (var image in build.Images.Values.Where(i => IsOwnName(app.Name, i)))
                {
                    owned.Add(image);
                    if (kept.Contains(build.Number))
                    {
                        keep.Add(image);
                    }
                }
            }
        }

        return await RemoveAsync([.. tags.Where(t => owned.Contains(t) && !keep.Contains(t))], ct);
    }

    /// <summary>Every image name the app's builds list (read it before the app's records are deleted).</summary>
    public async Task<IReadOnlyList<string>> NamesOfAsync(string app, CancellationToken ct = default) =>
        [.. (await state.Builds.ListAsync(app, ListLimit, ct))
            .SelectMany(b => b.Images.Values)
            .Where(i => IsOwnName(app, i))
            .Distinct(StringComparer.Ordinal)];

    /// <summary>Removes these names from the engine; returns how many went (one in use or gone already does not count).</summary>
    public async Task<int> RemoveAsync(IReadOnlyList<string> names, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(names);
        var removed = 0;
        foreach (var name in names)
        {
            if (await images.RemoveTagAsync(name, ct))
            {
                removed++;
                ImageRemoved(name);
            }
        }

        return removed;
    }

    /// <summary>"wharf/APP-...": a name Wharf gave one of the app's builds (a service may run another app's image by name).</summary>
    private static bool IsOwnName(string app, string image) =>
        image.StartsWith($"{RepositoryPrefix}{app}-", StringComparison.Ordinal);

    [LoggerMessage(EventId = 3401, Level = LogLevel.Information, Message = "Removed the image name {Tag}: no release Wharf keeps uses it")]
    private partial void ImageRemoved(string tag);
}
