namespace Wharf.Router.Forwarding;

/// <summary>
/// Headers that describe one connection, not the message (RFC 9110 7.6.1): never passed on in either direction.
/// Checked once per header on every request, so it compares by length first and allocates nothing.
/// </summary>
internal static class HopByHopHeaders
{
    public static bool Contains(string name) => name.Length switch
    {
        2 => name.Equals("TE", StringComparison.OrdinalIgnoreCase),
        7 => name.Equals("Upgrade", StringComparison.OrdinalIgnoreCase) || name.Equals("Trailer", StringComparison.OrdinalIgnoreCase),
        10 => name.Equals("Connection", StringComparison.OrdinalIgnoreCase) || name.Equals("Keep-Alive", StringComparison.OrdinalIgnoreCase),
        17 => name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase),
        _ => name.StartsWith("Proxy-", StringComparison.OrdinalIgnoreCase),
    };

    /// <summary>
    /// The Connection header's value when it names headers beyond the usual close / keep-alive / upgrade tokens
    /// (those headers are hop-by-hop too), else null: the common case costs one comparison per request.
    /// </summary>
    public static string? ExtraConnectionTokens(string? connection)
    {
        if (string.IsNullOrEmpty(connection))
        {
            return null;
        }

        foreach (var range in connection.AsSpan().Split(','))
        {
            var token = connection.AsSpan()[range].Trim();
            if (token.Length > 0
                && !token.Equals("close", StringComparison.OrdinalIgnoreCase)
                && !token.Equals("keep-alive", StringComparison.OrdinalIgnoreCase)
                && !token.Equals("upgrade", StringComparison.OrdinalIgnoreCase))
            {
                return connection;
            }
        }

        return null;
    }

    /// <summary>Whether <paramref name="name"/> is one of the comma-separated tokens of a Connection header.</summary>
    public static bool IsNamedIn(string connectionTokens, string name)
    {
        foreach (var range in connectionTokens.AsSpan().Split(','))
        {
            if (connectionTokens.AsSpan()[range].Trim().Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
