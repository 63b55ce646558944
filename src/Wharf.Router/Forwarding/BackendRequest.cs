using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;
using Wharf.Router.Routing;

namespace Wharf.Router.Forwarding;

/// <summary>
/// Builds the request to a backend from the client's: same method, target and headers (Host unchanged), minus the
/// hop-by-hop ones, plus X-Forwarded-For / -Proto / -Host and X-Request-Id. One pass over the client's headers.
/// </summary>
internal static class BackendRequest
{
    private static readonly UriCreationOptions _uriOptions = new() { DangerousDisablePathAndQueryCanonicalization = true };

    /// <remarks>
    /// The request's URI names the backend's own connection pool, not its address (<see cref="BackendMessage"/>): the
    /// backend client connects to the address the message carries.
    /// </remarks>
    public static HttpRequestMessage Create(HttpContext context, ILiveBackend backend, HttpContent? content, ClientUpgrade upgrade, string requestId)
    {
        var client = context.Request;
        var request = new BackendMessage(backend.Address)
        {
            Method = upgrade.IsWebSocketOverHttp2 ? HttpMethod.Get : MethodOf(client.Method),
            RequestUri = new Uri(string.Concat("http://", backend.ConnectionPool, Target(context)), in _uriOptions),
            Version = HttpVersion.Version11,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = content,
        };

        var headers = request.Headers;

        // A retry sends the same body again: its headers are copied afresh, not twice.
        content?.Headers.Clear();
        var connectionTokens = HopByHopHeaders.ExtraConnectionTokens(client.Headers.Connection.ToString());
        string? forwardedFor = null;
        foreach (var (name, value) in client.Headers)
        {
            if (name.Length == 0 || name[0] == ':' || HopByHopHeaders.Contains(name)
                || (connectionTokens is not null && HopByHopHeaders.IsNamedIn(connectionTokens, name)))
            {
                continue;
            }

            if (name.Equals("X-Forwarded-For", StringComparison.OrdinalIgnoreCase))
            {
                forwardedFor = value.ToString();
                continue;
            }

            if (IsReplaced(name))
            {
                continue;
            }

            if (!Add(headers, name, value) && content is not null)
            {
                Add(content.Headers, name, value);
            }
        }

        var remote = context.Connection.RemoteIpAddress;
        if (remote is not null)
        {
            var ip = (remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote).ToString();
            headers.TryAddWithoutValidation("X-Forwarded-For", string.IsNullOrEmpty(forwardedFor) ? ip : string.Concat(forwardedFor, ", ", ip));
        }
        else if (!string.IsNullOrEmpty(forwardedFor))
        {
            headers.TryAddWithoutValidation("X-Forwarded-For", forwardedFor);
        }

        headers.TryAddWithoutValidation("X-Forwarded-Proto", client.Scheme);
        headers.TryAddWithoutValidation("X-Forwarded-Host", client.Host.Value);
        headers.TryAddWithoutValidation("X-Request-Id", requestId);
        if (upgrade.Requested)
        {
            upgrade.AddBackendHeaders(context, headers);
        }

        return request;
    }

    /// <summary>The target exactly as the client sent it ("/path?query", escapes untouched).</summary>
    private static string Target(HttpContext context)
    {
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (!string.IsNullOrEmpty(raw) && raw[0] == '/')
        {
            return raw;
        }

        // Absolute-form ("http://host/path") or asterisk-form ("*") targets: rebuild the origin form.
        var request = context.Request;
        var path = (request.PathBase + request.Path).ToUriComponent();
        return string.Concat(path.Length == 0 ? "/" : path, request.QueryString.ToUriComponent());
    }

    /// <summary>Headers the router sets itself (X-Request-Id keeps the client's value: it is read separately).</summary>
    private static bool IsReplaced(string name) => name.Length switch
    {
        6 => name.Equals("Expect", StringComparison.OrdinalIgnoreCase),
        12 => name.Equals("X-Request-Id", StringComparison.OrdinalIgnoreCase),
        14 => name.Equals("HTTP2-Settings", StringComparison.OrdinalIgnoreCase),
        16 => name.Equals("X-Forwarded-Host", StringComparison.OrdinalIgnoreCase),
        17 => name.Equals("X-Forwarded-Proto", StringComparison.OrdinalIgnoreCase),
        _ => false,
    };

    private static bool Add(System.Net.Http.Headers.HttpHeaders headers, string name, StringValues value) =>
        value.Count == 1
            ? headers.TryAddWithoutValidation(name, value.ToString())
            : headers.TryAddWithoutValidation(name, (IEnumerable<string>)value.ToArray()!);

    private static HttpMethod MethodOf(string method) => method switch
    {
        "GET" => HttpMethod.Get,
        "POST" => HttpMethod.Post,
        "PUT" => HttpMethod.Put,
        "DELETE" => HttpMethod.Delete,
        "HEAD" => HttpMethod.Head,
        "OPTIONS" => HttpMethod.Options,
        "PATCH" => HttpMethod.Patch,
        "TRACE" => HttpMethod.Trace,
        _ => HttpMethod.Parse(method),
    };
}
