using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using Spectre.Console;

namespace Wharf.Cli;

/// <summary>Parses, reports usage errors with exit code 2, and runs the chosen command.</summary>
internal sealed class CliApplication(CliContext context)
{
    public async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var root = new WharfRootCommand(context);
        var result = root.Parse(args);
        if (result.Action is ParseErrorAction)
        {
            foreach (var error in result.Errors)
            {
                context.Error.MarkupLineInterpolated($"[red]{error.Message}[/]");
            }

            context.Error.MarkupLineInterpolated($"Run `{CommandPath(result.CommandResult)} --help` for usage.");
            return ExitCodes.Usage;
        }

        var invocation = new InvocationConfiguration
        {
            Output = context.OutWriter,
            Error = context.ErrorWriter,
            EnableDefaultExceptionHandler = false,
            ProcessTerminationTimeout = TimeSpan.FromSeconds(10),
        };
        return await result.InvokeAsync(invocation);
    }

    private static string CommandPath(CommandResult command)
    {
        var names = new List<string>();
        for (SymbolResult? current = command; current is not null; current = current.Parent)
        {
            if (current is CommandResult { Command: var c })
            {
                names.Insert(0, c is RootCommand ? "wharf" : c.Name);
            }
        }

        return string.Join(' ', names);
    }
}
