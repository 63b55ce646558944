using System.CommandLine;
using System.Net.Http.Headers;
using Spectre.Console;
using Wharf.Cli.Output;

namespace Wharf.Cli.Commands;

/// <summary>
/// <c>wharf resources import -a APP NAME FILE [--yes]</c>: replaces the resource's data with a dump made by export
/// (pg_restore, or an RDB load), streamed from the file. Asks first, since the data it replaces is gone afterwards.
/// </summary>
internal sealed class ResourcesImportCommand : Command
{
    private readonly CliContext _context;
    private readonly Option<string> _app;
    private readonly Argument<string> _name = ResourceArguments.Name();
    private readonly Argument<string> _file = new("FILE") { Description = "A dump made by `wharf resources export`; - reads stdin" };
    private readonly Option<bool> _yes = new("--yes", "-y") { Description = "Replace the data without asking for confirmation" };

    public ResourcesImportCommand(CliContext context)
        : base("import", "Replace a resource's data with a dump made by export")
    {
        _context = context;
        _app = CommonOptions.App(context.Environment);
        Options.Add(_app);
        Options.Add(_yes);
        Arguments.Add(_name);
        Arguments.Add(_file);
        SetAction((result, ct) => context.RunAsync(async client =>
        {
            var app = result.GetRequiredValue(_app);
            var name = result.GetRequiredValue(_name);
            var file = result.GetRequiredValue(_file);
            var path = file == "-" ? null : Path.GetFullPath(file, context.Environment.CurrentDirectory);
            if (path is not null && !File.Exists(path))
            {
                throw new CliException($"{file} does not exist: pass a file made by `wharf resources export -a {app} {name}`.");
            }

            // Fetch first so a typo is a "not found" before anyone is asked to confirm anything.
            var resource = await client.GetResourceAsync(app, name, ct);
            if (!result.GetValue(_yes))
            {
                Confirm(app, name, resource.Type, file == "-" ? "stdin" : file, script: file == "-");
            }

            await using var input = path is null ? Console.OpenStandardInput() : new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            using var content = new StreamContent(input);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            var imported = await client.ImportResourceAsync(app, name, content, ct);
            foreach (var line in imported.Output)
            {
                context.WriteLine(line);
            }

            context.Out.MarkupLineInterpolated($"Imported {Formats.Bytes(imported.Bytes)} into [bold]{name}[/] of [bold]{app}[/].");
            return ExitCodes.Ok;
        }));
    }

    private void Confirm(string app, string name, string type, string source, bool script)
    {
        if (script || !_context.Out.Profile.Capabilities.Interactive)
        {
            throw new CliException(
                $"Refusing to replace the data of {name} without confirmation: there is no terminal to ask on. Pass --yes to import.");
        }

        _context.Out.MarkupLineInterpolated(
            $"[yellow]This replaces the data of [bold]{name}[/] ({type}) of app [bold]{app}[/] with {source}.[/]");
        var typed = _context.Out.Ask("Type the resource's name to confirm:");
        if (!string.Equals(typed.Trim(), name, StringComparison.Ordinal))
        {
            throw new CliException($"'{typed.Trim()}' does not match; the data of {name} was not changed.");
        }
    }
}
