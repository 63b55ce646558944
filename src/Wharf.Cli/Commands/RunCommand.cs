using System.CommandLine;
using System.Net;
using Wharf.Cli.Processes;
using Wharf.Core.Api;

namespace Wharf.Cli.Commands;

/// <summary>
/// <c>wharf run -a APP SERVICE [--detach] -- CMD...</c>: a one-off process with the service's image and the current
/// release's config. Its output streams here as it comes and its exit code becomes this command's.
/// </summary>
internal sealed class RunCommand : Command
{
    private readonly Option<string> _app;
    private readonly Argument<string> _service = new("SERVICE") { Description = "The service whose image and config the process gets" };
    private readonly Argument<string[]> _command = new("CMD")
    {
        Description = "The command and its arguments, after `--` (default: the service's own command)",
        Arity = ArgumentArity.ZeroOrMore,
    };

    private readonly Option<bool> _detach = new("--detach", "-d")
    {
        Description = "Start it and print its id instead of waiting; `wharf ps` shows it",
    };

    private readonly Option<bool> _json = CommonOptions.Json();

    public RunCommand(CliContext context)
        : base("run", "Run a one-off command in a new process of a service (exit code passed through)")
    {
        _app = CommonOptions.App(context.Environment);
        Options.Add(_app);
        Options.Add(_detach);
        Options.Add(_json);
        Arguments.Add(_service);
        Arguments.Add(_command);
        SetAction((result, ct) => context.RunAsync(async client =>
        {
            var app = result.GetRequiredValue(_app);
            var command = result.GetValue(_command) is { Length: > 0 } words ? words : null;
            var detach = result.GetValue(_detach);
            using var response = await client.RunAsync(app, new RunRequest(result.GetRequiredValue(_service), command, detach), ct);
            if (!detach && response.StatusCode != HttpStatusCode.Created)
            {
                return await new ProcessStreamPrinter(context, client).PrintAsync(response, ct);
            }

            var process = await client.ReadJsonAsync<ProcessInfo>(response, ct);
            if (result.GetValue(_json))
            {
                return context.WriteJson(process);
            }

            // The id alone, as `docker run -d` prints it, so scripts can capture it.
            context.WriteLine(process.Id ?? "");
            return ExitCodes.Ok;
        }));
    }
}
