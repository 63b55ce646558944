namespace Wharf.Manifest.Parsing;

/// <summary>The names a POSIX shell accepts for variables, which is what processes can read reliably.</summary>
internal static class EnvironmentName
{
    public static bool IsValid(string name) =>
        name.Length > 0
        && (char.IsAsciiLetter(name[0]) || name[0] == '_')
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
