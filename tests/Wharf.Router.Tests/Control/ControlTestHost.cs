using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Wharf.Router.Control;
using Wharf.Router.Routing;
using Wharf.Router.Tls;

namespace Wharf.Router.Tests.Control;

/// <summary>
/// The router's control side as the router host runs it: AddRouterRouting and MapRouterControl in a WebApplication
/// listening on a real unix socket at <see cref="RouterOptions.ControlSocketPath"/> (no app listeners).
/// </summary>
internal sealed class ControlTestHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ControlTestHost(WebApplication app, RouterOptions options)
    {
        _app = app;
        Options = options;
        Client = new RouterControlClient(options.ControlSocketPath);
    }

    public RouterOptions Options { get; }

    public IServiceProvider Services => _app.Services;

    public RouterControlClient Client { get; }

    public static async Task<ControlTestHost> StartAsync(string dataDirectory)
    {
        var options = new RouterOptions { DataDirectory = dataDirectory, HttpUrls = ["http://127.0.0.1:18080"] };
        Directory.CreateDirectory(options.RouterDirectory);
        File.Delete(options.ControlSocketPath);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.ListenUnixSocket(options.ControlSocketPath));
        builder.Services.AddRouterRouting(options);
        builder.Services.AddSingleton<RouterCertificates>();
        var app = builder.Build();
        app.MapRouterControl();
        await app.StartAsync();
        return new ControlTestHost(app, options);
    }

    /// <summary>A plain HttpClient on the control socket, for requests the typed client never sends (malformed ones).</summary>
    public HttpClient RawClient() => new(new SocketsHttpHandler
    {
        ConnectCallback = async (_, ct) =>
        {
            var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(Options.ControlSocketPath), ct);
            return new NetworkStream(socket, ownsSocket: true);
        },
    })
    {
        BaseAddress = new Uri("http://router/"),
    };

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
