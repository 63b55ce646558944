
namespace Wharf.Router.Forwarding;

/// <summary>
/// The one HTTP client every forwarded request goes through: pooled HTTP/1.1 connections to the backends, and
/// nothing a browser-style client would add (no proxy, redirects, decompression, cookies or trace headers).
/// </summary>
internal sealed class BackendClient : IDisposable
{
    public BackendClient(RouterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = System.Net.DecompressionMethods.None,
            UseCookies = false,
            ConnectTimeout = options.ConnectTimeout,
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(60),
            // The app sees the client's own trace headers, if any; the router adds none.
            ActivityHeadersPropagator = null,
            ConnectCallback = (context, ct) => QuickAckStream.ConnectAsync(context.DnsEndPoint, ct),
        };
        Invoker = new HttpMessageInvoker(handler, disposeHandler: true);
    }

    public HttpMessageInvoker Invoker { get; }

    public void Dispose() => Invoker.Dispose();
}
