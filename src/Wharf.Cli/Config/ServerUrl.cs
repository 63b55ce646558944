using System.Diagnostics.CodeAnalysis;

namespace Wharf.Cli.Config;

/// <summary>Parses a server URL the way every command needs it: absolute http(s), ending in '/'.</summary>
internal static class ServerUrl
{
    public static bool TryParse(string text, [NotNullWhen(true)] out Uri? url)
    {
        url = null;
        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var parsed)
            || (parsed.Scheme != Uri.UriSchemeHttp && parsed.Scheme != Uri.UriSchemeHttps))
        {
            return false;
        }

        // Relative API paths resolve under the base only when it ends in '/', so a path prefix survives.
        url = parsed.AbsolutePath.EndsWith('/') ? parsed : new Uri(parsed.AbsoluteUri + "/");
        return true;
    }

    /// <summary>The URL as users typed it: no trailing '/' after the host.</summary>
    public static string Display(Uri url) => url.AbsoluteUri.TrimEnd('/');
}
