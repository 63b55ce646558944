using System.Text.RegularExpressions;

namespace Wharf.Core.Config;

/// <summary>What an env key may be: a portable shell variable name.</summary>
public static partial class EnvKeys
{
    public static bool IsValid(string? key) => key is not null && Pattern().IsMatch(key);

    public static string Invalid(string? key) =>
        $"'{key}' is not a valid env key: use letters, digits and '_', not starting with a digit (e.g. DATABASE_URL).";

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
