using System.CommandLine;
using Spectre.Console;
using Wharf.Cli.Deploy;
using Wharf.Cli.Output;
using Wharf.Core.Api;

namespace Wharf.Cli.Commands;

/// <summary><c>wharf env unset -a APP KEY ...</c>: one change, one new release.</summary>
internal sealed class EnvUnsetCommand : Command
{
    private readonly Option<string> _app;
    private readonly Option<bool> _json = CommonOptions.Json();
    private readonly Option<bool> _wait = EnvWaitOption.Create();
    private readonly Argument<string[]> _keys = new("KEY")
    {
        Description = "The variables to remove",
        Arity = ArgumentArity.OneOrMore,
    };

    public EnvUnsetCommand(CliContext context)
        : base("unset", "Remove config variables; makes a new release")
    {
        _app = CommonOptions.App(context.Environment);
        _keys.Validators.Add(result =>
        {
            foreach (var token in result.Tokens.Where(t => t.Value.Contains('=', StringComparison.Ordinal)))
            {
                result.AddError($"'{token.Value}' looks like KEY=VALUE; `env unset` takes only keys.");
            }
        });
        Options.Add(_app);
        Options.Add(_json);
        Options.Add(_wait);
        Arguments.Add(_keys);
        SetAction((result, ct) => context.RunAsync(async client =>
        {
            var keys = result.GetRequiredValue(_keys).Distinct(StringComparer.Ordinal).ToList();
            var app = result.GetRequiredValue(_app);
            var change = await client.ChangeEnvAsync(app, new EnvChangeRequest(null, keys), ct);
            if (result.GetValue(_json))
            {
                return context.WriteJson(change);
            }

            context.Out.MarkupLineInterpolated(
                $"Unset {Formats.Keys(keys)} on [bold]{app}[/]: release [bold]{Formats.Release(change.Release.Version)}[/].");
            return await EnvRollout.ReportAsync(context, client, change, result.GetValue(_wait), ct);
        }));
    }
}
