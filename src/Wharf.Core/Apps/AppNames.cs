using System.Text.RegularExpressions;

namespace Wharf.Core.Apps;

/// <summary>
/// An app name is a DNS label (it becomes a host name under the router): lowercase letters, digits and '-',
/// 1-63 characters, starting with a letter and not ending with '-'.
/// </summary>
public static partial class AppNames
{
    public const int MaxLength = 63;

    /// <summary>Null when <paramref name="name"/> is a valid app name, else why not.</summary>
    public static string? Problem(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return "An app needs a name, e.g. 'hello' or 'billing-api'.";
        }

        if (name.Length > MaxLength)
        {
            return $"The app name '{name}' is {name.Length} characters long: an app name has at most {MaxLength}.";
        }

        if (!Pattern().IsMatch(name))
        {
            return $"The app name '{name}' is invalid: use lowercase letters, digits and '-', start with a letter and do not end with '-'.";
        }

        return null;
    }

    [GeneratedRegex("^[a-z]([a-z0-9-]*[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
