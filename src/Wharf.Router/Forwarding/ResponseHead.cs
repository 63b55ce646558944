using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Wharf.Router.Forwarding;

/// <summary>Passes a backend's status and headers to the client, minus the hop-by-hop ones, without parsing them.</summary>
internal static class ResponseHead
{
    /// <param name="upgraded">A 101 to an upgrade: its Upgrade header goes through (the server adds Connection: Upgrade).</param>
    /// <returns>The body's length from Content-Length, or -1 when it has none (read without parsing the header store).</returns>
    public static long Copy(HttpResponseMessage from, HttpResponse to, bool upgraded)
    {
        to.StatusCode = (int)from.StatusCode;
        var connectionTokens = from.Headers.NonValidated.TryGetValues("Connection", out var connection)
            ? HopByHopHeaders.ExtraConnectionTokens(connection.ToString())
            : null;
        var headers = to.Headers;
        CopyHeaders(from.Headers.NonValidated, headers, connectionTokens, upgraded);
        CopyHeaders(from.Content.Headers.NonValidated, headers, connectionTokens, upgraded: false);
        return from.Content.Headers.NonValidated.TryGetValues("Content-Length", out var length)
            && long.TryParse(length.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)
                ? parsed
                : -1;
    }

    private static void CopyHeaders(HttpHeadersNonValidated from, IHeaderDictionary to, string? connectionTokens, bool upgraded)
    {
        foreach (var (name, values) in from)
        {
            if (HopByHopHeaders.Contains(name) && !(upgraded && name.Equals("Upgrade", StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            if (connectionTokens is not null && HopByHopHeaders.IsNamedIn(connectionTokens, name))
            {
                continue;
            }

            to[name] = ToStringValues(values);
        }
    }

    private static StringValues ToStringValues(HeaderStringValues values)
    {
        if (values.Count == 1)
        {
            return values.ToString();
        }

        var array = new string[values.Count];
        var i = 0;
        foreach (var value in values)
        {
            array[i++] = value;
        }

        return array;
    }
}
