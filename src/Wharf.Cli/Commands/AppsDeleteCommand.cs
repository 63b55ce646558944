using System.CommandLine;
using Spectre.Console;

namespace Wharf.Cli.Commands;

/// <summary><c>wharf apps delete NAME [--yes]</c>: asks the user to type the name unless told not to.</summary>
internal sealed class AppsDeleteCommand : Command
{
    private readonly CliContext _context;
    private readonly Argument<string> _name = new("NAME") { Description = "The app to delete" };
    private readonly Option<bool> _yes = new("--yes", "-y") { Description = "Delete without asking for confirmation" };

    public AppsDeleteCommand(CliContext context)
        : base("delete", "Delete an app with its releases, builds and config")
    {
        _context = context;
        Arguments.Add(_name);
        Options.Add(_yes);
        SetAction((result, ct) => context.RunAsync(async client =>
        {
            var name = result.GetRequiredValue(_name);

            // Fetch first so a typo is a "not found" before anyone is asked to confirm anything.
            await client.GetAppAsync(name, ct);
            if (!result.GetValue(_yes))
            {
                Confirm(name);
            }

            await client.DeleteAppAsync(name, ct);
            context.Out.MarkupLineInterpolated($"Deleted app [bold]{name}[/].");
            return ExitCodes.Ok;
        }));
    }

    private void Confirm(string name)
    {
        if (!_context.Out.Profile.Capabilities.Interactive)
        {
            throw new CliException(
                $"Refusing to delete app {name} without confirmation: stdin is not a terminal to ask on. Pass --yes to delete it.");
        }

        _context.Out.MarkupLineInterpolated(
            $"[yellow]This deletes app [bold]{name}[/] with all its releases, builds and config.[/]");
        var typed = _context.Out.Prompt(new TextPrompt<string>("Type the app's name to confirm:").AllowEmpty());
        if (!string.Equals(typed.Trim(), name, StringComparison.Ordinal))
        {
            throw new CliException($"'{typed.Trim()}' does not match; app {name} was not deleted.");
        }
    }
}
