using Wharf.Core.Api;
using Wharf.Core.Apps;
using Wharf.Core.Audit;
using Wharf.Core.Auth;
using Wharf.Core.Config;
using Wharf.Core.Deployments;
using Wharf.Core.Errors;
using Wharf.Core.Paging;
using Wharf.Core.State;

namespace Wharf.Core.Releases;

/// <summary>
/// Creates releases and promotes them to current, as two steps: promotion is where a runtime rolls the release
/// out, so a release can exist before (or without) becoming current.
/// </summary>
public sealed class ReleaseService(IStateStore state, EnvVault vault, IRolloutScheduler rollouts, AuditLog audit, TimeProvider clock)
{
    public const int DefaultLimit = 50;

    // Concurrent releases of one app are rare; a handful of re-reads settles them or says to try again.
    public const int MaxAttempts = 10;

    public async Task<Release> CreateAsync(Actor actor, string app, ReleaseDraft draft, CancellationToken ct = default)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var latest = await state.Releases.LatestAsync(app, ct);
            var release = new Release(
                app, (latest?.Version ?? 0) + 1, draft.Build, draft.EnvVersion, draft.Manifest, draft.Description, actor.Name, clock.GetUtcNow());
            if (await state.Releases.TryInsertAsync(release, ct))
            {
                await audit.RecordAsync(actor, AuditActions.ReleasesCreate, Target(app, release.Version), draft.Description, ct);
                return release;
            }
        }

        throw new ConflictException($"Releases of app '{app}' kept being made while this one was ({MaxAttempts} tries): run the command again.");
    }

    /// <summary>
    /// Makes the release the app's current one. A release without a build (config only, nothing runs yet) becomes
    /// current at once and null is returned; one with a build is rolled out by a queued deployment, returned, and
    /// becomes current only when its new processes are up.
    /// </summary>
    /// <param name="kind">The deployment's kind; null for "promote", or "rollback" when the release is older than the current one.</param>
    public async Task<Deployment?> PromoteAsync(Actor actor, string app, int version, string? kind = null, CancellationToken ct = default)
    {
        var found = await state.Apps.RequireAsync(app, ct);
        var release = await state.Releases.GetAsync(app, version, ct) ?? throw ReleaseNotFound(app, version);
        Deployment? deployment = null;
        if (release.Build is null)
        {
            await state.Apps.SetCurrentReleaseAsync(app, version, ct);
        }
        else
        {
            kind ??= found.CurrentRelease is int current && version < current ? DeploymentKinds.Rollback : DeploymentKinds.Promote;
            deployment = await rollouts.ScheduleAsync(actor, release, kind, ct);
        }

        await audit.RecordAsync(actor, AuditActions.ReleasesPromote, Target(app, version), deployment is null ? null : $"deployment {deployment.Id}", ct);
        return deployment;
    }

    /// <summary>The app's current release, else its latest, else null: what a new release starts from.</summary>
    public async Task<Release?> CurrentAsync(string app, CancellationToken ct = default)
    {
        var found = await state.Apps.RequireAsync(app, ct);
        return found.CurrentRelease is int current
            ? await state.Releases.GetAsync(app, current, ct)
            : await state.Releases.LatestAsync(app, ct);
    }

    public async Task<IReadOnlyList<ReleaseInfo>> ListAsync(string app, int? limit, CancellationToken ct = default)
    {
        var take = ListLimit.Check(limit, DefaultLimit);
        var found = await state.Apps.RequireAsync(app, ct);
        var list = new List<ReleaseInfo>();
        var keysByEnvVersion = new Dictionary<int, IReadOnlyList<string>>();
        foreach (var release in await state.Releases.ListAsync(app, take, ct))
        {
            // Consecutive releases often share an env version (deploys); open each version once.
            var version = release.EnvVersion ?? 0;
            if (!keysByEnvVersion.TryGetValue(version, out var keys))
            {
                keys = await EnvKeysAsync(app, release.EnvVersion, ct);
                keysByEnvVersion[version] = keys;
            }

            list.Add(ToInfo(found, release, keys, withManifest: false));
        }

        return list;
    }

    public async Task<ReleaseInfo> GetAsync(string app, int version, CancellationToken ct = default)
    {
        var found = await state.Apps.RequireAsync(app, ct);
        var release = await state.Releases.GetAsync(app, version, ct) ?? throw ReleaseNotFound(app, version);
        return ToInfo(found, release, await EnvKeysAsync(app, release.EnvVersion, ct), withManifest: true);
    }

    /// <summary>What changed from release <paramref name="from"/> to <paramref name="to"/>: env keys (values compared in memory only) and the manifest.</summary>
    public async Task<ReleaseDiff> DiffAsync(string app, int from, int to, CancellationToken ct = default)
    {
        await state.Apps.RequireAsync(app, ct);
        var a = await state.Releases.GetAsync(app, from, ct) ?? throw ReleaseNotFound(app, from);
        var b = await state.Releases.GetAsync(app, to, ct) ?? throw ReleaseNotFound(app, to);
        var envA = await vault.ReadAsync(app, a.EnvVersion, ct);
        var envB = await vault.ReadAsync(app, b.EnvVersion, ct);
        return new ReleaseDiff(
            app,
            from,
            to,
            a.Build,
            b.Build,
            [.. envB.Keys.Where(k => !envA.ContainsKey(k))],
            [.. envA.Keys.Where(k => !envB.ContainsKey(k))],
            [.. envA.Where(kv => envB.TryGetValue(kv.Key, out var value) && !string.Equals(kv.Value, value, StringComparison.Ordinal)).Select(kv => kv.Key)],
            TextDiff.Unified(a.Manifest, b.Manifest, $"release {from}", $"release {to}"));
    }

    private async Task<IReadOnlyList<string>> EnvKeysAsync(string app, int? envVersion, CancellationToken ct) =>
        [.. (await vault.ReadAsync(app, envVersion, ct)).Keys];

    private static ReleaseInfo ToInfo(App app, Release release, IReadOnlyList<string> envKeys, bool withManifest) =>
        new(
            release.App,
            release.Version,
            release.Build,
            release.EnvVersion,
            release.Description,
            release.CreatedBy,
            release.CreatedAt,
            app.CurrentRelease == release.Version,
            envKeys,
            withManifest ? release.Manifest : null);

    private static string Target(string app, int version) => $"{app}/release/{version}";

    private static NotFoundException ReleaseNotFound(string app, int version) =>
        new($"Release {version} of app '{app}' does not exist: run `wharf releases -a {app}` to see its releases.");
}
