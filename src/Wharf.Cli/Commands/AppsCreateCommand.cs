using System.CommandLine;
using Spectre.Console;

namespace Wharf.Cli.Commands;

/// <summary><c>wharf apps create NAME</c>.</summary>
internal sealed class AppsCreateCommand : Command
{
    private readonly Argument<string> _name = new("NAME")
    {
        Description = "The app's name: a DNS label (lowercase letters, digits and '-', starting with a letter)",
    };

    private readonly Option<bool> _json = CommonOptions.Json();

    public AppsCreateCommand(CliContext context)
        : base("create", "Create an app")
    {
        Arguments.Add(_name);
        Options.Add(_json);
        SetAction((result, ct) => context.RunAsync(async client =>
        {
            var app = await client.CreateAppAsync(result.GetRequiredValue(_name), ct);
            if (result.GetValue(_json))
            {
                return context.WriteJson(app);
            }

            context.Out.MarkupLineInterpolated($"Created app [bold]{app.Name}[/].");
            context.Out.MarkupLineInterpolated($"[grey]Next: wharf env set -a {app.Name} KEY=VALUE[/]");
            return ExitCodes.Ok;
        }));
    }
}
