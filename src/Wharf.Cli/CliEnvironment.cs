using System.Collections;

namespace Wharf.Cli;

/// <summary>The process environment the CLI reads, captured once so commands never touch globals.</summary>
internal sealed class CliEnvironment(IReadOnlyDictionary<string, string> variables, string currentDirectory)
{
    public IReadOnlyDictionary<string, string> Variables => variables;

    public string CurrentDirectory => currentDirectory;

    /// <summary>The app a command acts on when no <c>--app</c> is given, as with Convox: the directory's name.</summary>
    public string DefaultAppName =>
        Path.GetFileName(Path.TrimEndingDirectorySeparator(currentDirectory)) is { Length: > 0 } name ? name : "app";

    /// <summary>The variable's value, with unset and empty treated alike.</summary>
    public string? Get(string name) => variables.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

    public static CliEnvironment FromProcess()
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            variables[(string)entry.Key] = entry.Value as string ?? "";
        }

        return new CliEnvironment(variables, Environment.CurrentDirectory);
    }
}
