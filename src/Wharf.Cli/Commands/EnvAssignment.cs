using System.CommandLine.Parsing;

namespace Wharf.Cli.Commands;

/// <summary>Parses and checks the KEY=VALUE words of <c>env set</c> before anything is sent.</summary>
internal static class EnvAssignment
{
    public static void Validate(ArgumentResult result)
    {
        foreach (var token in result.Tokens.Select(t => t.Value))
        {
            if (token.IndexOf('=', StringComparison.Ordinal) < 1)
            {
                result.AddError(token.StartsWith('=')
                    ? $"'{token}' has no key before '='; write KEY=VALUE, e.g. FOO=bar."
                    : $"'{token}' is not KEY=VALUE; write {token}=VALUE (e.g. FOO=bar), or use `wharf env unset` to remove it.");
            }
        }
    }

    /// <summary>Splits at the first '=' (values may contain '='); a later assignment of the same key wins.</summary>
    public static Dictionary<string, string> Parse(IEnumerable<string> assignments)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var assignment in assignments)
        {
            var equals = assignment.IndexOf('=', StringComparison.Ordinal);
            values[assignment[..equals]] = assignment[(equals + 1)..];
        }

        return values;
    }
}
