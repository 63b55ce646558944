using Wharf.Core.Auth;
using Wharf.Core.Releases;

namespace Wharf.Core.Deployments;

/// <summary>Queues the rollout of an existing release (a promote, a rollback, an env change) as a deployment.</summary>
public interface IRolloutScheduler
{
    /// <param name="kind">One of <see cref="DeploymentKinds"/>.</param>
    Task<Deployment> ScheduleAsync(Actor actor, Release release, string kind, CancellationToken ct = default);
}
