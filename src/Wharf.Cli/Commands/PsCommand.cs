using System.CommandLine;
using Wharf.Cli.Processes;

namespace Wharf.Cli.Commands;

/// <summary><c>wharf ps -a APP</c>: the app's processes with their state, uptime, CPU and memory.</summary>
internal sealed class PsCommand : Command
{
    private readonly Option<string> _app;
    private readonly Option<bool> _json = CommonOptions.Json();

    public PsCommand(CliContext context)
        : base("ps", "List an app's processes: state, uptime, CPU and memory; stop one")
    {
        _app = CommonOptions.App(context.Environment);
        Options.Add(_app);
        Options.Add(_json);
        Subcommands.Add(new PsStopCommand(context));
        SetAction((result, ct) => context.RunAsync(async client =>
        {
            var app = result.GetRequiredValue(_app);
            var processes = await client.ListProcessesAsync(app, ct);
            if (result.GetValue(_json))
            {
                return context.WriteJson(processes);
            }

            if (processes.Count == 0)
            {
                context.WriteLine($"{app} runs no processes. Deploy it with `wharf deploy DIR -a {app}`, or scale it up with `wharf scale -a {app} web=1`.");
                return ExitCodes.Ok;
            }

            ProcessTable.Write(context, processes, DateTimeOffset.UtcNow);
            return ExitCodes.Ok;
        }));
    }
}
