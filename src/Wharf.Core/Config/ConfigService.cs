using Wharf.Core.Api;
using Wharf.Core.Apps;
using Wharf.Core.Audit;
using Wharf.Core.Auth;
using Wharf.Core.Deployments;
using Wharf.Core.Errors;
using Wharf.Core.Releases;
using Wharf.Core.State;

namespace Wharf.Core.Config;

/// <summary>
/// An app's config (env). Each change makes a new sealed env version and a new release that carries it;
/// values are decrypted in memory only, and only key names reach the audit log and release descriptions.
/// </summary>
public sealed class ConfigService(IStateStore state, EnvVault vault, ReleaseService releases, AppLocks locks, AuditLog audit, TimeProvider clock)
{
    public const string Mask = "********";

    // Concurrent changes to one app are rare; a handful of re-reads settles them or says to try again.
    public const int MaxAttempts = 10;

    public async Task<EnvInfo> GetAsync(Actor actor, string app, bool reveal, CancellationToken ct = default)
    {
        if (reveal && !actor.Has(Role.Deploy))
        {
            throw new ForbiddenException(
                $"Revealing env values needs the deploy role; your token '{actor.Name}' has {actor.Role.ToName()}. Leave out --reveal to see the keys.");
        }

        await state.Apps.RequireAsync(app, ct);
        var latest = await state.Env.LatestAsync(app, ct);
        if (latest is null)
        {
            return new EnvInfo(app, null, new Dictionary<string, string>(), reveal);
        }

        var values = await vault.OpenAsync(latest, ct);
        IReadOnlyDictionary<string, string> shown = reveal
            ? values
            : values.ToDictionary(v => v.Key, _ => Mask, StringComparer.Ordinal);
        return new EnvInfo(app, latest.Version, shown, reveal);
    }

    public async Task<EnvChangeResult> ChangeAsync(Actor actor, string app, EnvChangeRequest? request, CancellationToken ct = default)
    {
        var plan = EnvChangePlan.From(request);
        await state.Apps.RequireAsync(app, ct);
        using var appLock = await locks.AcquireAsync(app, ct);
        var envVersion = await InsertNextVersionAsync(app, plan, ct);
        await audit.RecordAsync(actor, AuditActions.EnvSet, app, plan.Description, ct);

        var previous = await releases.CurrentAsync(app, ct);
        var draft = new ReleaseDraft(previous?.Build, envVersion, previous?.Manifest, plan.Description);
        var release = await releases.CreateAsync(actor, app, draft, ct);

        // With a build, the new env reaches the processes by a rollout in the background; the answer does not wait for it.
        var deployment = await releases.PromoteAsync(actor, app, release.Version, DeploymentKinds.Env, ct);
        return new EnvChangeResult(
            envVersion, await releases.GetAsync(app, release.Version, ct), deployment is null ? null : DeploymentService.ToInfo(deployment));
    }

    /// <summary>Reads the latest version, applies the change and inserts the next one, re-reading after a lost race.</summary>
    private async Task<int> InsertNextVersionAsync(string app, EnvChangePlan plan, CancellationToken ct)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var latest = await state.Env.LatestAsync(app, ct);
            var current = latest is null ? new SortedDictionary<string, string>() : await vault.OpenAsync(latest, ct);
            var next = plan.ApplyTo(app, current);
            var version = (latest?.Version ?? 0) + 1;
            var sealedBox = await vault.SealAsync(app, version, next, ct);
            if (await state.Env.TryInsertAsync(new EnvVersion(app, version, sealedBox, clock.GetUtcNow()), ct))
            {
                return version;
            }
        }

        throw new ConflictException($"The env of app '{app}' kept changing while this change was applied ({MaxAttempts} tries): run the command again.");
    }
}
