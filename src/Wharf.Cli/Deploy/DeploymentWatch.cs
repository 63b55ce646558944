using Wharf.Cli.Client;
using Wharf.Core.Api;

namespace Wharf.Cli.Deploy;

/// <summary>
/// What every command that starts or follows a deployment (deploy, releases promote, deployments logs) does after:
/// follow its log to the end and turn the outcome into a last line and an exit code. Ctrl+C stops the following only.
/// </summary>
internal sealed class DeploymentWatch(CliContext context, WharfClient client)
{
    /// <param name="detach">Only say how to follow it, and return.</param>
    public async Task<int> WatchAsync(DeploymentInfo started, bool detach, CancellationToken ct)
    {
        var what = $"Deployment {started.Id} of {started.App} is {started.Status}";
        if (detach)
        {
            context.WriteLine($"{what}.");
            context.WriteLine($"Follow it with `wharf deployments logs -a {started.App} {started.Id} --follow`.");
            return ExitCodes.Ok;
        }

        context.WriteLine($"{what}; following its log (Ctrl+C stops following, not the deployment).");
        return await FollowAsync(started.App, started.Id, ct);
    }

    public async Task<int> FollowAsync(string app, int id, CancellationToken ct)
    {
        try
        {
            var follower = new DeploymentFollower(client, context.WriteLine, context.WriteErrorLine);
            var ended = await follower.FollowAsync(app, id, ct);
            var code = Report(ended, follower);
            if (code == ExitCodes.Ok && ended.Release is not null)
            {
                await PrintUrlsAsync(app, ct);
            }

            return code;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            context.WriteErrorLine($"Stopped following. The deployment goes on; `wharf deployments -a {app}` shows it.");
            return ExitCodes.Interrupted;
        }
    }

    /// <summary>Where the release answers through the router; a server that cannot say does not fail the command.</summary>
    private async Task PrintUrlsAsync(string app, CancellationToken ct)
    {
        AppInfo info;
        try
        {
            info = await client.GetAppAsync(app, ct);
        }
        catch (Exception e) when (e is WharfApiException or WharfUnreachableException)
        {
            return;
        }

        foreach (var route in info.Routes)
        {
            context.WriteLine($"  {route.Service}: {route.Url}");
        }
    }

    private int Report(DeploymentInfo deployment, DeploymentFollower follower)
    {
        var what = $"Deployment {deployment.Id} of {deployment.App}";
        switch (deployment.Status)
        {
            case DeploymentStatuses.Succeeded when deployment.Release is { } release:
                context.WriteLine($"Release v{release} of {deployment.App} is running.");
                return ExitCodes.Ok;
            case DeploymentStatuses.Succeeded:
                context.WriteLine($"{what} succeeded.");
                return ExitCodes.Ok;
            case DeploymentStatuses.Cancelled:
                context.WriteErrorLine(Sentence($"{what} was cancelled", Reason(deployment.Error, follower)));
                return ExitCodes.Error;
            default:
                context.WriteErrorLine(Sentence($"{what} failed", Reason(deployment.Error, follower)));
                return ExitCodes.Error;
        }
    }

    /// <summary>The error; only its first line (the sentence) when the log just showed the lines that follow it.</summary>
    private static string? Reason(string? error, DeploymentFollower follower)
    {
        if (string.IsNullOrWhiteSpace(error))
        {
            return null;
        }

        var lines = error.Trim().ReplaceLineEndings("\n").Split('\n');
        return lines.Length > 1 && lines.Skip(1).All(follower.RecentlyPrinted) ? lines[0] : error.Trim();
    }

    private static string Sentence(string what, string? reason) =>
        string.IsNullOrWhiteSpace(reason) ? what + "." : $"{what}: {reason}";
}
