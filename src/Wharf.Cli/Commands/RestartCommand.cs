using System.CommandLine;
using Spectre.Console;

namespace Wharf.Cli.Commands;

/// <summary><c>wharf restart -a APP [SERVICE]</c>: replaces the processes one at a time, same release.</summary>
internal sealed class RestartCommand : Command
{
    private readonly Option<string> _app;
    private readonly Argument<string?> _service = new("SERVICE")
    {
        Description = "Only this service's processes (default: every service)",
        Arity = ArgumentArity.ZeroOrOne,
    };

    public RestartCommand(CliContext context)
        : base("restart", "Restart an app's processes one at a time, keeping the release")
    {
        _app = CommonOptions.App(context.Environment);
        Options.Add(_app);
        Arguments.Add(_service);
        SetAction((result, ct) => context.RunAsync(async client =>
        {
            var app = result.GetRequiredValue(_app);
            var restart = await client.RestartAsync(app, result.GetValue(_service), ct);
            if (restart.Processes == 0)
            {
                context.Out.MarkupLineInterpolated($"[bold]{app}[/] has no running processes to restart.");
                return ExitCodes.Ok;
            }

            var noun = restart.Processes == 1 ? "process" : "processes";
            context.Out.MarkupLineInterpolated(
                $"Restarting {restart.Processes} {noun} of [bold]{app}[/] ({string.Join(", ", restart.Services)}), one at a time; `wharf ps -a {app}` shows the progress.");
            return ExitCodes.Ok;
        }));
    }
}
