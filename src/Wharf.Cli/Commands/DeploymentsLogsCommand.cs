using System.CommandLine;
using Wharf.Cli.Client;
using Wharf.Cli.Deploy;

namespace Wharf.Cli.Commands;

/// <summary><c>wharf deployments logs -a APP ID [--follow]</c>: build output and rollout steps.</summary>
internal sealed class DeploymentsLogsCommand : Command
{
    private readonly Option<string> _app;
    private readonly Argument<int> _id = CommonOptions.Number("ID", "The deployment's id, as `wharf deployments` lists it");
    private readonly Option<bool> _follow = new("--follow", "-f")
    {
        Description = "Keep printing until the deployment ends, then exit 0 if it succeeded, 1 if not",
    };

    public DeploymentsLogsCommand(CliContext context)
        : base("logs", "Print a deployment's log: build output and rollout steps")
    {
        _app = CommonOptions.App(context.Environment);
        Options.Add(_app);
        Options.Add(_follow);
        Arguments.Add(_id);
        SetAction((result, ct) => context.RunAsync(async client =>
        {
            var app = result.GetRequiredValue(_app);
            var id = result.GetValue(_id);
            if (!result.GetValue(_follow))
            {
                using var response = await client.OpenDeploymentLogAsync(app, id, follow: false, ct);
                await foreach (var line in TextLines.ReadAsync(client, response, ct))
                {
                    context.WriteLine(line);
                }

                return ExitCodes.Ok;
            }

            return await new DeploymentWatch(context, client).FollowAsync(app, id, ct);
        }));
    }
}
