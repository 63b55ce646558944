using System.CommandLine;
using Wharf.Cli.Deploy;

namespace Wharf.Cli.Commands;

/// <summary><c>wharf releases promote -a APP N [--detach]</c>: roll out release N (a rollback when it is older).</summary>
internal sealed class ReleasesPromoteCommand : Command
{
    private readonly Option<string> _app;
    private readonly Argument<int> _version = CommonOptions.Number("N", "The release to roll out (as in v3, without the v)");
    private readonly Option<bool> _detach = new("--detach", "-d")
    {
        Description = "Return once the deployment is queued, with its id, instead of following it",
    };

    public ReleasesPromoteCommand(CliContext context)
        : base("promote", "Roll out a release, newer or older (a rollback), following the log")
    {
        _app = CommonOptions.App(context.Environment);
        Options.Add(_app);
        Options.Add(_detach);
        Arguments.Add(_version);
        SetAction((result, ct) => context.RunAsync(async client =>
        {
            var deployment = await client.PromoteReleaseAsync(result.GetRequiredValue(_app), result.GetValue(_version), ct);
            return await new DeploymentWatch(context, client).WatchAsync(deployment, result.GetValue(_detach), ct);
        }));
    }
}
