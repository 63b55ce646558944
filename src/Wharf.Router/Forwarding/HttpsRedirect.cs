using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Wharf.Router.Forwarding;

/// <summary>
/// Answers plain-HTTP requests with a permanent redirect (308: method and body kept) to the same host and target
/// on the router's first HTTPS listener.
/// </summary>
internal sealed class HttpsRedirect(IServer server, RouterOptions options)
{
    private int _port = -1;

    public Task InvokeAsync(HttpContext context)
    {
        var host = HostName.WithoutPort(context.Request.Host.Value ?? string.Empty);
        if (host.Length == 0)
        {
            return ErrorPages.NoRouteAsync(context, host);
        }

        var port = _port >= 0 ? _port : _port = HttpsPort();
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(target) || target[0] != '/')
        {
            target = "/";
        }

        context.Response.StatusCode = StatusCodes.Status308PermanentRedirect;
        context.Response.Headers.Location = port == 443
            ? string.Concat("https://", host, target)
            : string.Concat("https://", host, ":", port.ToString(System.Globalization.CultureInfo.InvariantCulture), target);
        return Task.CompletedTask;
    }

    /// <summary>The port of the first HTTPS listener; when it was configured as port 0, the port it got.</summary>
    private int HttpsPort()
    {
        var configured = new Uri(options.HttpsUrls[0]);
        if (configured.Port != 0)
        {
            return configured.Port;
        }

        foreach (var address in server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [])
        {
            if (address.StartsWith("https://", StringComparison.OrdinalIgnoreCase) && Uri.TryCreate(address, UriKind.Absolute, out var bound))
            {
                return bound.Port;
            }
        }

        return 443;
    }
}
