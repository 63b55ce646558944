using Wharf.Core.Builds;
using Wharf.Core.Config;
using Wharf.Core.Releases;
using Wharf.Core.State;
using Wharf.Manifest;

namespace Wharf.Core.Deployments;

/// <summary>Reads everything a release's rollout needs, failing with a sentence when a piece is missing.</summary>
public sealed class RolloutPlanner(IStateStore state, EnvVault vault)
{
    /// <exception cref="DeploymentFailedException">No build, a build that did not succeed, or a manifest that no longer parses with this env.</exception>
    public async Task<RolloutPlan> PlanAsync(Release release, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(release);
        var app = release.App;
        if (release.Build is not int number)
        {
            throw new DeploymentFailedException($"Release {release.Version} of app '{app}' has no build, so there is nothing to run: deploy the app with `wharf deploy -a {app}`.");
        }

        var build = await state.Builds.GetAsync(app, number, ct);
        if (build is not { Status: BuildStatus.Succeeded })
        {
            throw new DeploymentFailedException(
                $"Build {number} of release {release.Version} of app '{app}' {(build is null ? "does not exist" : "did not succeed")}: deploy the app again.");
        }

        var env = await vault.ReadAsync(app, release.EnvVersion, ct);
        var text = release.Manifest ?? build.Manifest
            ?? throw new DeploymentFailedException($"Release {release.Version} of app '{app}' has no wharf.yml: deploy the app again.");
        var parsed = ManifestLoader.Parse(text, ManifestLoader.FileName, env);
        if (!parsed.IsValid)
        {
            throw new DeploymentFailedException(ManifestErrors(parsed.Errors));
        }

        return new RolloutPlan(release, parsed.Manifest!, env, build.Images);
    }

    /// <summary>Every error on its own line, "wharf.yml:LINE:COL: message", as an editor or the CLI shows them.</summary>
    public static string ManifestErrors(IReadOnlyList<ManifestError> errors) => string.Join('\n', errors.Select(e => e.ToString()));
}
