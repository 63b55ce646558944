using System.CommandLine;
using Spectre.Console;
using Wharf.Cli.Deploy;
using Wharf.Cli.Output;
using Wharf.Core.Api;

namespace Wharf.Cli.Commands;

/// <summary><c>wharf env set -a APP K=V ...</c>: one change, one new release.</summary>
internal sealed class EnvSetCommand : Command
{
    private readonly Option<string> _app;
    private readonly Option<bool> _json = CommonOptions.Json();
    private readonly Option<bool> _wait = EnvWaitOption.Create();
    private readonly Argument<string[]> _assignments = new("KEY=VALUE")
    {
        Description = "The variables to set",
        Arity = ArgumentArity.OneOrMore,
    };

    public EnvSetCommand(CliContext context)
        : base("set", "Set config variables; makes a new release")
    {
        _app = CommonOptions.App(context.Environment);
        _assignments.Validators.Add(EnvAssignment.Validate);
        Options.Add(_app);
        Options.Add(_json);
        Options.Add(_wait);
        Arguments.Add(_assignments);
        SetAction((result, ct) => context.RunAsync(async client =>
        {
            var values = EnvAssignment.Parse(result.GetRequiredValue(_assignments));
            var app = result.GetRequiredValue(_app);
            var change = await client.ChangeEnvAsync(app, new EnvChangeRequest(values, null), ct);
            if (result.GetValue(_json))
            {
                return context.WriteJson(change);
            }

            context.Out.MarkupLineInterpolated(
                $"Set {Formats.Keys([.. values.Keys])} on [bold]{app}[/]: release [bold]{Formats.Release(change.Release.Version)}[/].");
            return await EnvRollout.ReportAsync(context, client, change, result.GetValue(_wait), ct);
        }));
    }
}
