using System.Net;

namespace Wharf.Router.Listeners;

/// <summary>One address the router listens on for app traffic, e.g. "http://127.0.0.1:8080" or "https://0.0.0.0:443".</summary>
/// <param name="Address">
/// The IP address to bind; <see cref="IPAddress.IPv6Any"/> for "*" (every interface, IPv4 and IPv6); null for
/// "localhost" (both loopback addresses).
/// </param>
internal sealed record ListenerUrl(string Url, bool Https, IPAddress? Address, int Port)
{
    /// <summary>Parses a listener URL; on failure <paramref name="problem"/> says what is wrong with it.</summary>
    public static ListenerUrl? Parse(string url, bool https, out string? problem)
    {
        var scheme = https ? "https" : "http";
        var any = url.Contains("://*", StringComparison.Ordinal) || url.Contains("://+", StringComparison.Ordinal);
        var parseable = any ? url.Replace("://*", "://any", StringComparison.Ordinal).Replace("://+", "://any", StringComparison.Ordinal) : url;
        if (!Uri.TryCreate(parseable, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            problem = $"The listener \"{url}\" is not a URL like {scheme}://127.0.0.1:{(https ? 8443 : 8080)}.";
            return null;
        }

        if (uri.Scheme != scheme)
        {
            problem = $"The listener \"{url}\" must start with {scheme}:// to be an {scheme.ToUpperInvariant()} listener.";
            return null;
        }

        if (uri.AbsolutePath != "/" || uri.Query.Length > 0)
        {
            problem = $"The listener \"{url}\" has a path; give only scheme, address and port.";
            return null;
        }

        var host = uri.Host.Trim('[', ']');
        IPAddress? address;
        if (any)
        {
            address = IPAddress.IPv6Any;
        }
        else if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            address = null;
        }
        else if (!IPAddress.TryParse(host, out address))
        {
            problem = $"The listener \"{url}\" names the host \"{uri.Host}\"; give an IP address (0.0.0.0 for every interface) or localhost.";
            return null;
        }

        problem = null;
        return new ListenerUrl(url, https, address, uri.Port);
    }
}
