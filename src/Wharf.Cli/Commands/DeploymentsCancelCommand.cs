using System.CommandLine;
using Wharf.Cli.Deploy;

namespace Wharf.Cli.Commands;

/// <summary><c>wharf deployments cancel -a APP ID</c>: stops a queued or running deployment; the old release keeps running.</summary>
internal sealed class DeploymentsCancelCommand : Command
{
    private readonly Option<string> _app;
    private readonly Argument<int> _id = CommonOptions.Number("ID", "The deployment's id, as `wharf deployments` lists it");

    public DeploymentsCancelCommand(CliContext context)
        : base("cancel", "Cancel a queued or running deployment; what ran before keeps running")
    {
        _app = CommonOptions.App(context.Environment);
        Options.Add(_app);
        Arguments.Add(_id);
        SetAction((result, ct) => context.RunAsync(client =>
            new DeploymentCanceller(context, client).CancelAsync(result.GetRequiredValue(_app), result.GetValue(_id), ct)));
    }
}
