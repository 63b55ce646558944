using System.CommandLine;
using Wharf.Cli.Processes;
using Wharf.Core.Api;

namespace Wharf.Cli.Commands;

/// <summary><c>wharf exec -a APP ID -- CMD...</c>: a command inside a running process; output and exit code passed through.</summary>
internal sealed class ExecCommand : Command
{
    private readonly Option<string> _app;
    private readonly Argument<string> _id = new("ID") { Description = "The process's id, as `wharf ps` lists it" };
    private readonly Argument<string[]> _command = new("CMD")
    {
        Description = "The command and its arguments, after `--`",
        Arity = ArgumentArity.OneOrMore,
    };

    public ExecCommand(CliContext context)
        : base("exec", "Run a command inside a running process (exit code passed through)")
    {
        _app = CommonOptions.App(context.Environment);
        Options.Add(_app);
        Arguments.Add(_id);
        Arguments.Add(_command);
        SetAction((result, ct) => context.RunAsync(async client =>
        {
            var exec = new ExecRequest(result.GetRequiredValue(_command));
            using var response = await client.ExecAsync(result.GetRequiredValue(_app), result.GetRequiredValue(_id), exec, ct);
            return await new ProcessStreamPrinter(context, client).PrintAsync(response, ct);
        }));
    }
}
