using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Wharf.Router.Routing;

namespace Wharf.Router.Tests.Support;

/// <summary>
/// The real router host on free loopback ports (HTTP and HTTPS) with a temporary data directory, serving the
/// routes the test adds to <see cref="Routes"/>.
/// </summary>
public sealed class TestRouter : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestRouter(WebApplication app, RouterOptions options, FakeRouteResolver routes, CapturedLogs logs)
    {
        _app = app;
        Options = options;
        Routes = routes;
        Logs = logs;
        var addresses = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        HttpPort = PortOf(addresses, "http://");
        HttpsPort = PortOf(addresses, "https://");
    }

    public RouterOptions Options { get; }

    public FakeRouteResolver Routes { get; }

    public CapturedLogs Logs { get; }

    public IServiceProvider Services => _app.Services;

    public int HttpPort { get; }

    public int HttpsPort { get; }

    public static async Task<TestRouter> StartAsync(Func<RouterOptions, RouterOptions>? configure = null)
    {
        var options = new RouterOptions
        {
            DataDirectory = Path.Combine(Path.GetTempPath(), $"wharf-router-test-{Guid.NewGuid():N}"),
            HttpUrls = ["http://127.0.0.1:0"],
            HttpsUrls = ["https://127.0.0.1:0"],
        };
        options = configure?.Invoke(options) ?? options;
        var routes = new FakeRouteResolver();
        var logs = new CapturedLogs();
        var app = RouterHost.Build(options, services =>
        {
            services.AddSingleton<IRouteResolver>(routes);
            services.AddSingleton<ILoggerProvider>(logs);
        });
        await app.StartAsync();
        return new TestRouter(app, options, routes, logs);
    }

    /// <summary>
    /// A client that reaches the router whatever host a URL names (so "http://web.hello.localhost/" sends that
    /// Host header, and that SNI over TLS), never follows redirects, and accepts the certificate when
    /// <paramref name="validate"/> does (by default: one that names the host).
    /// </summary>
    public HttpClient CreateClient(Version? version = null, RemoteCertificateValidationCallback? validate = null) =>
        new(CreateHandler(validate), disposeHandler: true)
        {
            DefaultRequestVersion = version ?? HttpVersion.Version11,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Timeout = TimeSpan.FromSeconds(100),
        };

    public SocketsHttpHandler CreateHandler(RemoteCertificateValidationCallback? validate = null) => new()
    {
        UseProxy = false,
        AllowAutoRedirect = false,
        UseCookies = false,
        ConnectCallback = async (context, ct) =>
        {
            var port = context.InitialRequestMessage.RequestUri!.Scheme is "https" or "wss" ? HttpsPort : HttpPort;
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(IPAddress.Loopback, port, ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
        SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = validate ?? CertificateNames.NamesHost() },
    };

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await _app.StopAsync(stop.Token);
        await _app.DisposeAsync();
        Directory.Delete(Options.DataDirectory, recursive: true);
    }

    private static int PortOf(ICollection<string> addresses, string scheme)
    {
        var address = addresses.FirstOrDefault(a => a.StartsWith(scheme, StringComparison.Ordinal) && !a.Contains("unix:", StringComparison.Ordinal));
        return address is null ? 0 : new Uri(address).Port;
    }
}
