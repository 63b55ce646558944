using Spectre.Console;

namespace Wharf.Cli.Output;

/// <summary>
/// One of the CLI's two output streams: the writer itself, for lines written as they are, and the Spectre console
/// over it (markup, tables, prompts, progress), made on first use. Most runs of a command like `wharf deploy` never
/// need the console, and making one (capability detection) is a noticeable part of a short command's start-up.
/// </summary>
/// <param name="redirected">The writer goes to a pipe or a file, not a terminal.</param>
/// <param name="interactive">A person can answer prompts (stdin is a terminal).</param>
internal sealed class CliOutput(TextWriter writer, bool redirected, bool interactive)
{
    private readonly Lazy<IAnsiConsole> _console = new(() => ConsoleFactory.Create(writer, redirected, interactive));

    public TextWriter Writer => writer;

    public IAnsiConsole Console => _console.Value;

    /// <summary>Whether live output (a progress bar) can be drawn: a terminal that takes ANSI codes, with a person at it.</summary>
    public bool IsLiveTerminal => !redirected && Console.Profile.Capabilities is { Ansi: true, Interactive: true };
}
