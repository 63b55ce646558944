using Spectre.Console;
using Wharf.Cli.Client;
using Wharf.Core.Api;

namespace Wharf.Cli.Deploy;

/// <summary>Cancels a deployment, by id or "whichever is running now", and says how it ended.</summary>
internal sealed class DeploymentCanceller(CliContext context, WharfClient client)
{
    public async Task<int> CancelAsync(string app, int id, CancellationToken ct)
    {
        var deployment = await client.GetDeploymentAsync(app, id, ct);
        if (DeploymentStatuses.IsFinished(deployment.Status))
        {
            throw new CliException($"Deployment {id} of {app} already ended ({deployment.Status}); there is nothing to cancel.");
        }

        return Report(await client.CancelDeploymentAsync(app, id, ct));
    }

    /// <summary>The deployment that is building or rolling out; when none is, the oldest one queued.</summary>
    public async Task<int> CancelRunningAsync(string app, CancellationToken ct)
    {
        var unfinished = (await client.ListDeploymentsAsync(app, null, ct))
            .Where(d => !DeploymentStatuses.IsFinished(d.Status))
            .OrderBy(d => d.Status == DeploymentStatuses.Queued)
            .ThenBy(d => d.Id)
            .ToList();
        if (unfinished.Count == 0)
        {
            throw new CliException($"No deployment of {app} is running; `wharf deployments -a {app}` lists the recent ones.");
        }

        return Report(await client.CancelDeploymentAsync(app, unfinished[0].Id, ct));
    }

    private int Report(DeploymentInfo deployment)
    {
        if (deployment.Status == DeploymentStatuses.Cancelled)
        {
            context.Out.MarkupLineInterpolated($"Cancelled deployment {deployment.Id} of [bold]{deployment.App}[/]; what ran before goes on running.");
            return ExitCodes.Ok;
        }

        // It ended another way while the cancel was on its way, or is still stopping.
        context.Out.MarkupLineInterpolated($"Deployment {deployment.Id} of [bold]{deployment.App}[/] is {deployment.Status}.");
        return DeploymentStatuses.IsFinished(deployment.Status) ? ExitCodes.Error : ExitCodes.Ok;
    }
}
