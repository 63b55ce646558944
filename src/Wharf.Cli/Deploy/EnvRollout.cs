using Wharf.Cli.Client;
using Wharf.Core.Api;

namespace Wharf.Cli.Deploy;

/// <summary>
/// After `env set` or `env unset` of an app that runs a build, its new release rolls out in the background:
/// say which deployment does it, or follow it to the end with --wait.
/// </summary>
internal static class EnvRollout
{
    public static async Task<int> ReportAsync(CliContext context, WharfClient client, EnvChangeResult change, bool wait, CancellationToken ct)
    {
        if (change.Deployment is not { } deployment)
        {
            return ExitCodes.Ok;
        }

        if (wait)
        {
            return await new DeploymentWatch(context, client).WatchAsync(deployment, detach: false, ct);
        }

        context.WriteLine(
            $"It rolls out in deployment {deployment.Id}: `wharf deployments logs -a {deployment.App} {deployment.Id} --follow` follows it.");
        return ExitCodes.Ok;
    }
}
