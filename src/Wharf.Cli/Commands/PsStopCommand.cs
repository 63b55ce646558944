using System.CommandLine;
using Spectre.Console;

namespace Wharf.Cli.Commands;

/// <summary><c>wharf ps stop -a APP ID</c>: stops one process (SIGTERM, then SIGKILL after its grace).</summary>
internal sealed class PsStopCommand : Command
{
    private readonly Option<string> _app;
    private readonly Argument<string> _id = new("ID") { Description = "The process's id, as `wharf ps` lists it" };

    public PsStopCommand(CliContext context)
        : base("stop", "Stop a process; a service's process is replaced to keep its scale")
    {
        _app = CommonOptions.App(context.Environment);
        Options.Add(_app);
        Arguments.Add(_id);
        SetAction((result, ct) => context.RunAsync(async client =>
        {
            var app = result.GetRequiredValue(_app);
            var id = result.GetRequiredValue(_id);
            await client.StopProcessAsync(app, id, ct);
            context.Out.MarkupLineInterpolated($"Stopped process {id} of [bold]{app}[/].");
            return ExitCodes.Ok;
        }));
    }
}
