using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Wharf.Cli.Commands;

/// <summary>The options shared by many commands, spelled the Heroku/Convox way. New instances each time.</summary>
internal static class CommonOptions
{
    public static Option<string> App(CliEnvironment environment) => new("--app", "-a")
    {
        Description = "The app to act on (default: the current directory's name)",
        HelpName = "APP",
        DefaultValueFactory = _ => environment.DefaultAppName,
    };

    public static Option<bool> Json() => new("--json")
    {
        Description = "Print the API's JSON instead of a table (for scripts)",
    };

    public static Option<int?> Limit(string what) => new("--limit", "-n")
    {
        Description = $"Show at most this many {what}",
        HelpName = "N",
        CustomParser = result => PositiveNumber(result, "--limit"),
    };

    public static Argument<int> Number(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = result => PositiveNumber(result, name) ?? 0,
    };

    /// <summary>Parses 1, 2, 3...; anything else is a usage error that names the argument.</summary>
    private static int? PositiveNumber(ArgumentResult result, string name)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1)
        {
            return number;
        }

        result.AddError($"{name} must be a whole number from 1 up, got '{text}'.");
        return null;
    }
}
