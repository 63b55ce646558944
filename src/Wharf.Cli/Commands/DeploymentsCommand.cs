using System.CommandLine;
using Wharf.Cli.Output;

namespace Wharf.Cli.Commands;

/// <summary><c>wharf deployments -a APP</c>: deploys, promotions and rollbacks, newest first.</summary>
internal sealed class DeploymentsCommand : Command
{
    private readonly Option<string> _app;
    private readonly Option<int?> _limit = CommonOptions.Limit("deployments");
    private readonly Option<bool> _json = CommonOptions.Json();

    public DeploymentsCommand(CliContext context)
        : base("deployments", "List an app's deployments, newest first; show, follow or cancel one")
    {
        _app = CommonOptions.App(context.Environment);
        Options.Add(_app);
        Options.Add(_limit);
        Options.Add(_json);
        Subcommands.Add(new DeploymentsInfoCommand(context));
        Subcommands.Add(new DeploymentsLogsCommand(context));
        Subcommands.Add(new DeploymentsCancelCommand(context));
        SetAction((result, ct) => context.RunAsync(async client =>
        {
            var app = result.GetRequiredValue(_app);
            var deployments = await client.ListDeploymentsAsync(app, result.GetValue(_limit), ct);
            if (result.GetValue(_json))
            {
                return context.WriteJson(deployments);
            }

            if (deployments.Count == 0)
            {
                context.WriteLine($"{app} has no deployments yet. Deploy it with `wharf deploy DIR -a {app}`.");
                return ExitCodes.Ok;
            }

            var table = Tables.Create("ID", "KIND", "STATUS", "BUILD", "RELEASE", "BY", "CREATED", "TOOK");
            foreach (var d in deployments)
            {
                table.Row(
                    Formats.Number(d.Id),
                    d.Kind,
                    d.Status,
                    Formats.Number(d.Build),
                    Formats.Release(d.Release),
                    d.CreatedBy,
                    Formats.Time(d.CreatedAt),
                    Formats.Duration(d.FinishedAt - d.CreatedAt));
            }

            context.Out.Write(table);
            return ExitCodes.Ok;
        }));
    }
}
