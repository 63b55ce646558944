using System.Text.Json;
using Spectre.Console;
using Wharf.Cli.Client;
using Wharf.Cli.Config;
using Wharf.Cli.Output;

namespace Wharf.Cli;

/// <summary>What every command needs: the two consoles, the environment, the config, and one error policy.</summary>
internal sealed class CliContext(CliOutput output, CliOutput error, CliEnvironment environment, ConfigStore config)
{
    public IAnsiConsole Out => output.Console;

    public IAnsiConsole Error => error.Console;

    /// <summary>Standard output as it is: for lines and streams written without Spectre.</summary>
    public TextWriter OutWriter => output.Writer;

    /// <summary>Standard error as it is.</summary>
    public TextWriter ErrorWriter => error.Writer;

    /// <inheritdoc cref="CliOutput.IsLiveTerminal"/>
    public bool OutIsLiveTerminal => output.IsLiveTerminal;

    public CliEnvironment Environment => environment;

    public ConfigStore Config => config;

    /// <summary>Runs a command body that talks to the server with the resolved connection.</summary>
    public Task<int> RunAsync(Func<WharfClient, Task<int>> body) => RunAsync(async () =>
    {
        using var client = Connect();
        return await body(client);
    });

    /// <summary>A client for the server and token in force, for commands that do local work before talking to it.</summary>
    public WharfClient Connect() => WharfClient.Create(new ConnectionResolver(config, environment).Resolve());

    /// <summary>Runs a command body, turning any failure into one line on stderr and an exit code.</summary>
    public async Task<int> RunAsync(Func<Task<int>> body)
    {
        try
        {
            return await body();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            var (message, code) = ErrorMessages.Describe(e);
            error.Console.MarkupLine($"[red]{Markup.Escape(message)}[/]");
            return code;
        }
    }

    /// <summary>Writes the DTO as the API's JSON, bypassing Spectre so nothing is wrapped or styled.</summary>
    public int WriteJson<T>(T value)
    {
        var writer = output.Writer;
        writer.WriteLine(JsonSerializer.Serialize(value, ApiJson.Info<T>(ApiJson.Indented)));
        writer.Flush();
        return ExitCodes.Ok;
    }

    /// <summary>Writes a line to stderr exactly as given (no markup, no wrapping).</summary>
    public void WriteErrorLine(string text)
    {
        error.Writer.WriteLine(text);
        error.Writer.Flush();
    }

    /// <summary>Writes text exactly as given, for lines scripts grep (no markup, no wrapping).</summary>
    public void WriteLine(string text)
    {
        output.Writer.WriteLine(text);
        output.Writer.Flush();
    }
}
