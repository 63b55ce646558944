
namespace Wharf.Router.Forwarding;

/// <summary>
/// The one HTTP client every forwarded request goes through: pooled HTTP/1.1 connections to the backends, and
/// nothing a browser-style client would add (no proxy, redirects, decompression, cookies or trace headers).
/// </summary>
/// <remarks>
/// Each backend has a pool of its own, named by its request URIs' host (<see cref="BackendMessage"/>). Pools keyed by
/// address mixed processes up: a stopped container's IP goes to the next one, and a connection that was opened to the
/// old process and never closed cleanly (one still waiting in its accept queue when it exited) was handed to the new
/// one, which reset it. An idempotent request was retried, but a POST failed with a 502 in the middle of a deploy.
/// </remarks>
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
            ConnectCallback = (context, ct) => QuickAckStream.ConnectAsync(BackendMessage.EndPointOf(context.InitialRequestMessage), ct),
        };
        Invoker = new HttpMessageInvoker(handler, disposeHandler: true);
    }

    public HttpMessageInvoker Invoker { get; }

    public void Dispose() => Invoker.Dispose();
}
