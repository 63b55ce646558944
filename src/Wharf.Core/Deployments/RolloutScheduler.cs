using Wharf.Core.Auth;
using Wharf.Core.Releases;

namespace Wharf.Core.Deployments;

/// <summary>Records a rollout deployment (queued when the app is busy, else rolling out) and hands it to the queue.</summary>
public sealed class RolloutScheduler(DeploymentRecorder recorder, DeploymentDispatcher queue, LiveLogs logs) : IRolloutScheduler
{
    public async Task<Deployment> ScheduleAsync(Actor actor, Release release, string kind, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(release);
        var status = queue.IsBusy(release.App) ? DeploymentStatus.Queued : DeploymentStatus.RollingOut;
        var deployment = await recorder.InsertDeploymentAsync(release.App, kind, status, release.Build, release.Version, actor.Name, ct);
        var log = logs.Open(DeploymentBlobs.DeploymentLog(release.App, deployment.Id));
        await log.WriteAsync($"Deployment {deployment.Id} ({kind}) of release {release.Version} by {actor.Name}"
            + (status == DeploymentStatus.Queued ? ": waiting for the app's earlier deployment to end" : ""));
        queue.Enqueue(release.App, deployment.Id);
        return deployment;
    }
}
