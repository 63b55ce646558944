using Wharf.Core.Auth;
using Wharf.Core.Deployments;
using Wharf.Core.Releases;
using Wharf.Core.State;

namespace Wharf.Core.Tests.Fakes;

/// <summary>
/// Rolls a release out by making it current at once and recording a succeeded deployment: for tests of services
/// that promote releases but are not about rollouts (tests/Deployments wires the real scheduler and runner).
/// </summary>
public sealed class InstantRolloutScheduler(IStateStore state, TimeProvider clock) : IRolloutScheduler
{
    private readonly List<Deployment> _scheduled = [];

    public IReadOnlyList<Deployment> Scheduled => _scheduled;

    public async Task<Deployment> ScheduleAsync(Actor actor, Release release, string kind, CancellationToken ct = default)
    {
        await state.Apps.SetCurrentReleaseAsync(release.App, release.Version, ct);
        var now = clock.GetUtcNow();
        var deployment = new Deployment(
            release.App, await state.Deployments.LatestIdAsync(release.App, ct) + 1, kind, DeploymentStatus.Succeeded, release.Build, release.Version,
            null, actor.Name, now, now);
        await state.Deployments.TryInsertAsync(deployment, ct);
        _scheduled.Add(deployment);
        return deployment;
    }
}
