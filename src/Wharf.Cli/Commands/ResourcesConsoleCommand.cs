using System.CommandLine;
using System.Net.Http.Headers;
using Wharf.Cli.Processes;

namespace Wharf.Cli.Commands;

/// <summary>
/// <c>wharf resources console -a APP NAME</c>: psql or redis-cli inside the resource's container, reading commands
/// from stdin (<c>echo 'select 1' | wharf resources console -a APP main</c>); output and exit code passed through.
/// </summary>
internal sealed class ResourcesConsoleCommand : Command
{
    private readonly Option<string> _app;
    private readonly Argument<string> _name = ResourceArguments.Name();

    public ResourcesConsoleCommand(CliContext context)
        : base("console", "Run psql or redis-cli in the resource, inside the app's network; commands come from stdin")
    {
        _app = CommonOptions.App(context.Environment);
        Options.Add(_app);
        Arguments.Add(_name);
        SetAction((result, ct) => context.RunAsync(async client =>
        {
            if (!Console.IsInputRedirected)
            {
                context.WriteErrorLine("Type the commands, then Ctrl-D: they run together when the input ends. (Or pipe them in.)");
            }

            await using var stdin = Console.OpenStandardInput();
            using var content = new StreamContent(stdin);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            using var response = await client.OpenResourceConsoleAsync(result.GetRequiredValue(_app), result.GetRequiredValue(_name), content, ct);
            return await new ProcessStreamPrinter(context, client).PrintAsync(response, ct);
        }));
    }
}
