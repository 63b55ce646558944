using System.Text.RegularExpressions;

namespace Wharf.Core.Auth;

/// <summary>What a token name may be: it is shown as the actor of every write, so it stays short and plain.</summary>
public static partial class TokenNames
{
    public const int MaxLength = 63;

    /// <summary>Null when <paramref name="name"/> is a valid token name, else why not.</summary>
    public static string? Problem(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "A token needs a name, e.g. 'ci' or 'alice-laptop'.";
        }

        if (!Pattern().IsMatch(name))
        {
            return $"The token name '{name}' is invalid: use 1-{MaxLength} letters, digits, '.', '_' or '-', starting with a letter or digit.";
        }

        return string.Equals(name, Actor.AdminName, StringComparison.OrdinalIgnoreCase)
            ? $"The token name '{name}' is reserved for the admin token (DATA/admin.token): pick another name."
            : null;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
