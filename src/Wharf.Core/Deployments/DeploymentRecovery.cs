using Microsoft.Extensions.Logging;
using Wharf.Core.State;

namespace Wharf.Core.Deployments;

/// <summary>
/// On start, ends what a stopped server left unfinished: its deployments (and their builds) are marked failed, since
/// nothing runs them any more. Processes a cut-off rollout started belong to no current release; the reconciler
/// removes them.
/// </summary>
public sealed class DeploymentRecovery(IStateStore state, DeploymentRecorder recorder, TimeProvider clock, ILogger<DeploymentRecovery> logger)
{
    public const string Interrupted = "Interrupted by a server restart: deploy (or promote) again.";

    /// <summary>Marks every unfinished deployment failed; returns how many there were.</summary>
    public async Task<int> FailUnfinishedAsync(CancellationToken ct = default)
    {
        var unfinished = await state.Deployments.ListUnfinishedAsync(ct);
        foreach (var deployment in unfinished)
        {
            if (deployment.Build is int build)
            {
                await recorder.FailBuildAsync(deployment.App, build, Interrupted, ct);
            }

            await state.Deployments.UpdateAsync(
                deployment with { Status = DeploymentStatus.Failed, Error = Interrupted, FinishedAt = clock.GetUtcNow() }, ct);
            DeploymentLog.Interrupted(logger, deployment.App, deployment.Id, deployment.Kind);
        }

        return unfinished.Count;
    }
}
