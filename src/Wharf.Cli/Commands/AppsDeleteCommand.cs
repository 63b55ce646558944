using System.CommandLine;
using Spectre.Console;
using Wharf.Cli.Output;
using Wharf.Core.Api;

namespace Wharf.Cli.Commands;

/// <summary>
/// <c>wharf apps delete NAME [--yes] [--keep-data]</c>: asks the user to type the name unless told not to, saying
/// which resources' data goes with the app (or stays, with --keep-data).
/// </summary>
internal sealed class AppsDeleteCommand : Command
{
    private readonly CliContext _context;
    private readonly Argument<string> _name = new("NAME") { Description = "The app to delete" };
    private readonly Option<bool> _yes = new("--yes", "-y") { Description = "Delete without asking for confirmation" };
    private readonly Option<bool> _keepData = new("--keep-data")
    {
        Description = "Keep the data volumes of the app's resources (an app made again under this name finds its data there)",
    };

    public AppsDeleteCommand(CliContext context)
        : base("delete", "Delete an app with its releases, builds, config and resources")
    {
        _context = context;
        Arguments.Add(_name);
        Options.Add(_yes);
        Options.Add(_keepData);
        SetAction((result, ct) => context.RunAsync(async client =>
        {
            var name = result.GetRequiredValue(_name);
            var keepData = result.GetValue(_keepData);

            // Fetch first so a typo is a "not found" before anyone is asked to confirm anything.
            await client.GetAppAsync(name, ct);
            var withData = (await client.ListResourcesAsync(name, ct)).Where(r => r.Volume is not null).ToList();
            if (!result.GetValue(_yes))
            {
                Confirm(name, withData, keepData);
            }

            await client.DeleteAppAsync(name, keepData, ct);
            context.Out.MarkupLineInterpolated($"Deleted app [bold]{name}[/].");
            if (keepData && withData.Count > 0)
            {
                context.WriteLine($"Kept the data volumes: {string.Join(", ", withData.Select(r => r.Volume))}.");
            }

            return ExitCodes.Ok;
        }));
    }

    private void Confirm(string name, List<ResourceInfo> withData, bool keepData)
    {
        if (!_context.Out.Profile.Capabilities.Interactive)
        {
            throw new CliException(
                $"Refusing to delete app {name} without confirmation: stdin is not a terminal to ask on. Pass --yes to delete it.");
        }

        _context.Out.MarkupLineInterpolated(
            $"[yellow]This deletes app [bold]{name}[/] with all its releases, builds and config.[/]");
        if (withData.Count > 0)
        {
            var resources = string.Join(", ", withData.Select(r => $"{r.Name} ({r.Type})"));
            if (keepData)
            {
                _context.Out.MarkupLineInterpolated($"The data of its resources {resources} is kept (--keep-data).");
            }
            else
            {
                _context.Out.MarkupLineInterpolated($"[red]It also deletes the data of its resources {resources}, for good.[/] Add --keep-data to keep it.");
            }
        }

        var typed = _context.Out.Ask("Type the app's name to confirm:");
        if (!string.Equals(typed.Trim(), name, StringComparison.Ordinal))
        {
            throw new CliException($"'{typed.Trim()}' does not match; app {name} was not deleted.");
        }
    }
}
