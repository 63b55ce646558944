using Wharf.Core.Builds;
using Wharf.Core.Errors;
using Wharf.Core.State;

namespace Wharf.Core.Deployments;

/// <summary>Numbers and records new builds and deployments, re-reading after losing a race for a number.</summary>
public sealed class DeploymentRecorder(IStateStore state, TimeProvider clock)
{
    // Concurrent deploys of one app are rare; a handful of re-reads settles them or says to try again.
    public const int MaxAttempts = 10;

    /// <summary>A new build of the app, running (its source is being uploaded).</summary>
    public async Task<Build> InsertBuildAsync(string app, CancellationToken ct = default)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var build = new Build(
                app, await state.Builds.LatestNumberAsync(app, ct) + 1, BuildStatus.Running, new Dictionary<string, string>(), null, null, clock.GetUtcNow(), null);
            if (await state.Builds.TryInsertAsync(build, ct))
            {
                return build;
            }
        }

        throw new ConflictException($"Builds of app '{app}' kept being made while this one was ({MaxAttempts} tries): deploy again.");
    }

    public async Task<Deployment> InsertDeploymentAsync(
        string app, string kind, DeploymentStatus status, int? build, int? release, string createdBy, CancellationToken ct = default)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var now = clock.GetUtcNow();
            var deployment = new Deployment(
                app,
                await state.Deployments.LatestIdAsync(app, ct) + 1,
                kind,
                status,
                build,
                release,
                null,
                createdBy,
                now,
                DeploymentStatusNames.IsFinished(status) ? now : null);
            if (await state.Deployments.TryInsertAsync(deployment, ct))
            {
                return deployment;
            }
        }

        throw new ConflictException($"Deployments of app '{app}' kept being made while this one was ({MaxAttempts} tries): try again.");
    }

    /// <summary>Marks the build failed with <paramref name="error"/>, unless it has ended already.</summary>
    public async Task FailBuildAsync(string app, int number, string error, CancellationToken ct = default)
    {
        if (await state.Builds.GetAsync(app, number, ct) is { Status: BuildStatus.Running or BuildStatus.Pending } build)
        {
            await state.Builds.UpdateAsync(build with { Status = BuildStatus.Failed, Error = error, FinishedAt = clock.GetUtcNow() }, ct);
        }
    }
}
