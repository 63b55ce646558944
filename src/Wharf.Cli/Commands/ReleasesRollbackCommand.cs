using System.CommandLine;
using System.Globalization;
using Wharf.Cli.Deploy;
using Wharf.Core.Paging;

namespace Wharf.Cli.Commands;

/// <summary>
/// <c>wharf releases rollback -a APP [N]</c>: rolls out release N, by default the newest release older than the
/// current one that has a build; then the same as <c>releases promote</c>.
/// </summary>
internal sealed class ReleasesRollbackCommand : Command
{
    private readonly Option<string> _app;
    private readonly Argument<int?> _version = new("N")
    {
        Description = "The release to go back to (default: the newest release before the current one that has a build)",
        Arity = ArgumentArity.ZeroOrOne,
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : null;
            if (text is null)
            {
                return null;
            }

            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1)
            {
                return number;
            }

            result.AddError($"N must be a whole number from 1 up, got '{text}'.");
            return null;
        },
    };

    private readonly Option<bool> _detach = new("--detach", "-d")
    {
        Description = "Return once the deployment is queued, with its id, instead of following it",
    };

    public ReleasesRollbackCommand(CliContext context)
        : base("rollback", "Roll back to the previous release with a build (or release N), following the log")
    {
        _app = CommonOptions.App(context.Environment);
        Options.Add(_app);
        Options.Add(_detach);
        Arguments.Add(_version);
        SetAction((result, ct) => context.RunAsync(async client =>
        {
            var app = result.GetRequiredValue(_app);
            var releases = await client.ListReleasesAsync(app, ListLimit.Max, ct);
            var target = RollbackTarget.Pick(app, releases, result.GetValue(_version));
            var current = releases.First(r => r.Current).Version;
            context.WriteLine($"Rolling {app} back from v{current} to v{target}.");
            var deployment = await client.PromoteReleaseAsync(app, target, ct);
            return await new DeploymentWatch(context, client).WatchAsync(deployment, result.GetValue(_detach), ct);
        }));
    }
}
