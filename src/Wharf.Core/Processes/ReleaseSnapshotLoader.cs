using Wharf.Core.Apps;
using Wharf.Core.Config;
using Wharf.Core.Errors;
using Wharf.Core.Resources;
using Wharf.Core.State;
using Wharf.Manifest;

namespace Wharf.Core.Processes;

/// <summary>Reads a release with its build, decrypted env and manifest (interpolated with that env), and the app's resource links.</summary>
/// <param name="resources">Links the app's resources; null only where no resource is ever provisioned (tests).</param>
public sealed class ReleaseSnapshotLoader(IStateStore state, EnvVault vault, ResourceLinker? resources = null)
{
    /// <summary>The app's current release, or null when the app has none (or the release has no manifest).</summary>
    /// <exception cref="NotFoundException">The app does not exist.</exception>
    public async Task<ReleaseSnapshot?> CurrentAsync(string app, CancellationToken ct = default)
    {
        var found = await state.Apps.RequireAsync(app, ct);
        return found.CurrentRelease is int version ? await LoadAsync(app, version, ct) : null;
    }

    /// <summary>The current release, or a <see cref="ConflictException"/> saying to deploy first.</summary>
    public async Task<ReleaseSnapshot> RequireCurrentAsync(string app, CancellationToken ct = default) =>
        await CurrentAsync(app, ct)
        ?? throw new ConflictException($"App '{app}' has no release with services yet: deploy it first with `wharf deploy -a {app}`.");

    /// <summary>The release, or null when it has no manifest (a release made by `env set` before any deploy).</summary>
    public async Task<ReleaseSnapshot?> LoadAsync(string app, int version, CancellationToken ct = default)
    {
        var release = await state.Releases.GetAsync(app, version, ct)
            ?? throw new NotFoundException($"Release {version} of app '{app}' does not exist: run `wharf releases -a {app}` to see its releases.");
        if (string.IsNullOrWhiteSpace(release.Manifest))
        {
            return null;
        }

        var build = release.Build is int number ? await state.Builds.GetAsync(app, number, ct) : null;
        var env = await vault.ReadAsync(app, release.EnvVersion, ct);
        var parsed = ManifestLoader.Parse(release.Manifest, ManifestLoader.FileName, env);
        if (parsed.Manifest is not { } manifest)
        {
            throw new ConflictException(
                $"The wharf.yml of release {version} of app '{app}' is no longer valid with its config: " +
                string.Join("; ", parsed.Errors.Take(5).Select(e => e.ToString())) + ". Fix it and deploy again.");
        }

        return new ReleaseSnapshot(release, build, manifest, env)
        {
            Resources = resources is null ? ResourceLink.None : await resources.LinksAsync(app, manifest, ct),
        };
    }
}
