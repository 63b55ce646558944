using System.CommandLine;
using Spectre.Console;
using Wharf.Cli.Output;

namespace Wharf.Cli.Commands;

/// <summary><c>wharf deployments info -a APP ID</c>: one deployment with its error.</summary>
internal sealed class DeploymentsInfoCommand : Command
{
    private readonly Option<string> _app;
    private readonly Argument<int> _id = CommonOptions.Number("ID", "The deployment's id, as `wharf deployments` lists it");
    private readonly Option<bool> _json = CommonOptions.Json();

    public DeploymentsInfoCommand(CliContext context)
        : base("info", "Show one deployment: status, build, release and why it failed")
    {
        _app = CommonOptions.App(context.Environment);
        Options.Add(_app);
        Options.Add(_json);
        Arguments.Add(_id);
        SetAction((result, ct) => context.RunAsync(async client =>
        {
            var d = await client.GetDeploymentAsync(result.GetRequiredValue(_app), result.GetValue(_id), ct);
            if (result.GetValue(_json))
            {
                return context.WriteJson(d);
            }

            context.Out.Write(Tables.Properties(
                ("Deployment", Formats.Number(d.Id)),
                ("App", d.App),
                ("Kind", d.Kind),
                ("Status", d.Status),
                ("Build", Formats.Number(d.Build)),
                ("Release", Formats.Release(d.Release)),
                ("Created by", d.CreatedBy),
                ("Created", Formats.Time(d.CreatedAt)),
                ("Finished", Formats.Time(d.FinishedAt))));
            if (!string.IsNullOrWhiteSpace(d.Error))
            {
                context.Out.WriteLine();
                context.WriteLine("Error:");
                context.WriteLine(d.Error.TrimEnd());
            }

            return ExitCodes.Ok;
        }));
    }
}
