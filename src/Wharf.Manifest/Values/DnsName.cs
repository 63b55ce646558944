namespace Wharf.Manifest.Values;

/// <summary>Checks names that end up in DNS: service, resource and timer names, and the domains the router serves.</summary>
internal static class DnsName
{
    public const string LabelRule = "use 1 to 63 lowercase letters, digits or '-', starting with a letter and ending with a letter or digit";

    /// <summary>An RFC 1035 label: names become container host names, where a leading digit breaks some resolvers.</summary>
    public static bool IsLabel(string name) =>
        name.Length is >= 1 and <= 63
        && char.IsAsciiLetterLower(name[0])
        && (char.IsAsciiLetterLower(name[^1]) || char.IsAsciiDigit(name[^1]))
        && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');

    /// <summary>A host name (RFC 1123 labels, any case), optionally with a leading "*." wildcard label.</summary>
    public static bool IsHostname(string host)
    {
        var name = host.StartsWith("*.", StringComparison.Ordinal) ? host[2..] : host;
        return name.Length is >= 1 and <= 253 && name.Split('.').All(IsHostLabel);
    }

    private static bool IsHostLabel(string label) =>
        label.Length is >= 1 and <= 63
        && char.IsAsciiLetterOrDigit(label[0])
        && char.IsAsciiLetterOrDigit(label[^1])
        && label.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');
}
