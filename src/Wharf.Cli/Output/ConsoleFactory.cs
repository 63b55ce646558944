using Spectre.Console;

namespace Wharf.Cli.Output;

/// <summary>Makes the Spectre consoles the CLI writes through, for a terminal or for a pipe.</summary>
internal static class ConsoleFactory
{
    /// <param name="redirected">The writer goes to a pipe or a file, not a terminal.</param>
    /// <param name="interactive">A person can answer prompts (stdin is a terminal).</param>
    public static IAnsiConsole Create(TextWriter writer, bool redirected, bool interactive)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),

            // Spectre decides colour from TERM alone; a pipe or a file must get plain text whatever TERM says.
            Ansi = redirected ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = redirected ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            Interactive = interactive ? InteractionSupport.Yes : InteractionSupport.No,
        });

        // Piped output is for scripts: never wrap a line at an imagined 80 columns.
        if (redirected)
        {
            console.Profile.Width = 4096;
        }

        return console;
    }
}
