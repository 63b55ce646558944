using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Wharf.Router.Forwarding;

/// <summary>
/// A client's request to turn its exchange into a two-way stream: an HTTP/1.1 Upgrade (WebSockets), or a WebSocket
/// over HTTP/2 (an extended CONNECT, RFC 8441), which the router passes to the app as the HTTP/1.1 upgrade it
/// understands and answers the client the HTTP/2 way.
/// </summary>
internal readonly struct ClientUpgrade
{
    private readonly IHttpUpgradeFeature? _http11;
    private readonly IHttpExtendedConnectFeature? _http2;

    private ClientUpgrade(IHttpUpgradeFeature? http11, IHttpExtendedConnectFeature? http2)
    {
        _http11 = http11;
        _http2 = http2;
    }

    public bool Requested => _http11 is not null || _http2 is not null;

    public bool IsWebSocketOverHttp2 => _http2 is not null;

    /// <param name="unsupported">An extended CONNECT for something other than a WebSocket: the router cannot pass it on.</param>
    public static ClientUpgrade Of(HttpContext context, out bool unsupported)
    {
        unsupported = false;
        if (context.Features.Get<IHttpUpgradeFeature>() is { IsUpgradableRequest: true } http11)
        {
            return new ClientUpgrade(http11, null);
        }

        if (context.Features.Get<IHttpExtendedConnectFeature>() is { IsExtendedConnect: true } http2)
        {
            unsupported = !string.Equals(http2.Protocol, "websocket", StringComparison.OrdinalIgnoreCase);
            return unsupported ? default : new ClientUpgrade(null, http2);
        }

        return default;
    }

    /// <summary>The headers that ask the app (over HTTP/1.1) for the same upgrade.</summary>
    public void AddBackendHeaders(HttpContext context, System.Net.Http.Headers.HttpRequestHeaders headers)
    {
        headers.TryAddWithoutValidation("Connection", "Upgrade");
        if (_http2 is null)
        {
            headers.TryAddWithoutValidation("Upgrade", context.Request.Headers.Upgrade.ToString());
            return;
        }

        headers.TryAddWithoutValidation("Upgrade", "websocket");
        headers.TryAddWithoutValidation("Sec-WebSocket-Key", Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)));
    }

    /// <summary>Tells the client the upgrade succeeded (the app answered 101) and returns its side of the stream.</summary>
    public ValueTask<Stream> AcceptAsync(HttpResponse response)
    {
        if (_http2 is null)
        {
            return new ValueTask<Stream>(_http11!.UpgradeAsync());
        }

        // HTTP/2 answers a WebSocket CONNECT with 200 and no handshake headers of HTTP/1.1's.
        response.StatusCode = StatusCodes.Status200OK;
        response.Headers.Remove("Sec-WebSocket-Accept");
        response.Headers.Remove("Upgrade");
        return _http2.AcceptAsync();
    }
}
