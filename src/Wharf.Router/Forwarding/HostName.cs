namespace Wharf.Router.Forwarding;

/// <summary>The host name a request is for: its Host header (HTTP/2's :authority) without the port.</summary>
internal static class HostName
{
    /// <summary>
    /// "web.hello.localhost:8080" → "web.hello.localhost"; "[::1]:80" → "[::1]"; a trailing dot is dropped.
    /// Allocates only when there is something to cut off.
    /// </summary>
    public static string WithoutPort(string hostHeader)
    {
        var end = hostHeader.Length;
        if (end > 0 && hostHeader[0] == '[')
        {
            var close = hostHeader.IndexOf(']', StringComparison.Ordinal);
            end = close < 0 ? end : close + 1;
        }
        else
        {
            var colon = hostHeader.IndexOf(':', StringComparison.Ordinal);
            end = colon < 0 ? end : colon;
        }

        if (end > 1 && hostHeader[end - 1] == '.')
        {
            end--;
        }

        return end == hostHeader.Length ? hostHeader : hostHeader[..end];
    }
}
