using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Wharf.Router.Tls;

namespace Wharf.Router.Listeners;

/// <summary>Kestrel for a reverse proxy: the app listeners (HTTP, HTTPS with HTTP/2), the control socket, and limits.</summary>
internal static class RouterListeners
{
    /// <summary>Connections at once, across listeners: well under the machine's 20000 file descriptors, each proxied request also holding one to its backend.</summary>
    private const int MaxConnections = 8000;

    /// <summary>Checks every listener URL; the problems, each a sentence (empty when all are fine).</summary>
    public static List<string> Check(RouterOptions options, out List<ListenerUrl> listeners)
    {
        var problems = new List<string>();
        listeners = [];
        foreach (var (urls, https) in new[] { (options.HttpUrls, false), (options.HttpsUrls, true) })
        {
            foreach (var url in urls)
            {
                if (ListenerUrl.Parse(url, https, out var problem) is { } listener)
                {
                    listeners.Add(listener);
                }
                else
                {
                    problems.Add(problem!);
                }
            }
        }

        if (options.HttpUrls.Count == 0 && options.HttpsUrls.Count == 0)
        {
            problems.Add("The router has no listener: give at least one HTTP or HTTPS URL.");
        }

        if (options.RedirectToHttps && options.HttpsUrls.Count == 0)
        {
            problems.Add("Redirecting to HTTPS needs an HTTPS listener: give one, or turn the redirect off.");
        }

        if (options.ConnectTimeout <= TimeSpan.Zero)
        {
            problems.Add($"The connect timeout must be positive (it is {options.ConnectTimeout}).");
        }

        return problems;
    }

    public static void Configure(KestrelServerOptions kestrel, RouterOptions options, IReadOnlyList<ListenerUrl> listeners)
    {
        kestrel.AddServerHeader = false;
        var limits = kestrel.Limits;
        limits.MaxRequestBodySize = null;
        limits.MaxConcurrentConnections = MaxConnections;
        limits.MaxConcurrentUpgradedConnections = MaxConnections;
        limits.MaxRequestHeadersTotalSize = 64 * 1024;
        limits.KeepAliveTimeout = TimeSpan.FromSeconds(75);
        limits.RequestHeadersTimeout = TimeSpan.FromSeconds(30);

        RouterCertificates? certificates = null;
        var tls = new TlsHandshakeCallbackOptions
        {
            OnConnection = context =>
            {
                certificates ??= kestrel.ApplicationServices.GetRequiredService<RouterCertificates>();
                return ValueTask.FromResult(certificates.ServerOptions(context.ClientHelloInfo.ServerName));
            },
        };

        foreach (var listener in listeners)
        {
            Action<ListenOptions> configure = listener.Https
                ? listen =>
                {
                    listen.Protocols = HttpProtocols.Http1AndHttp2;
                    listen.UseHttps(tls);
                }
            : listen => listen.Protocols = HttpProtocols.Http1;
            if (listener.Address is null)
            {
                kestrel.ListenLocalhost(listener.Port, configure);
            }
            else if (listener.Address.Equals(IPAddress.IPv6Any))
            {
                kestrel.ListenAnyIP(listener.Port, configure);
            }
            else
            {
                kestrel.Listen(listener.Address, listener.Port, configure);
            }
        }

        ControlSocket.Listen(kestrel, options.ControlSocketPath);
    }
}
