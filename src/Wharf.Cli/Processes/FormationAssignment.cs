using System.CommandLine.Parsing;
using System.Globalization;

namespace Wharf.Cli.Processes;

/// <summary>Parses and checks the SERVICE=COUNT words of <c>wharf scale</c> before anything is sent.</summary>
internal static class FormationAssignment
{
    public static void Validate(ArgumentResult result)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var token in result.Tokens.Select(t => t.Value))
        {
            if (Problem(token) is { } problem)
            {
                result.AddError(problem);
            }
            else if (!seen.Add(token[..token.IndexOf('=', StringComparison.Ordinal)]))
            {
                result.AddError($"'{token}' sets a service that is already set earlier on the line; give each service once.");
            }
        }
    }

    /// <summary>Service name to count; only call after <see cref="Validate"/> passed.</summary>
    public static Dictionary<string, int> Parse(IEnumerable<string> assignments) =>
        assignments.ToDictionary(
            a => a[..a.IndexOf('=', StringComparison.Ordinal)],
            a => int.Parse(a[(a.IndexOf('=', StringComparison.Ordinal) + 1)..], NumberStyles.None, CultureInfo.InvariantCulture),
            StringComparer.Ordinal);

    private static string? Problem(string token)
    {
        var equals = token.IndexOf('=', StringComparison.Ordinal);
        if (equals < 1)
        {
            return $"'{token}' is not SERVICE=COUNT; write e.g. web=3 (a count of 0 stops the service's processes).";
        }

        var service = token[..equals];
        if (!IsServiceName(service))
        {
            return $"'{service}' in '{token}' is not a service name: services are lowercase letters, digits and '-', starting with a letter.";
        }

        var count = token[(equals + 1)..];
        return int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out _)
            ? null
            : $"'{count}' in '{token}' is not a process count: give a whole number from 0 up, e.g. {service}=2.";
    }

    private static bool IsServiceName(string name) =>
        name.Length is >= 1 and <= 63
        && char.IsAsciiLetterLower(name[0])
        && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');
}
