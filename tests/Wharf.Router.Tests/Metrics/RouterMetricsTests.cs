using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Wharf.Router.Control;
using Wharf.Router.Tests.Routing;
using Wharf.Router.Tests.Support;
using Wharf.Tests.Shared;

namespace Wharf.Router.Tests.Metrics;

/// <summary>The real router with its real routing state: requests forwarded, then its metrics read on the control socket.</summary>
public sealed class RouterMetricsTests : IAsyncLifetime
{
    private readonly string _app = $"m{Guid.NewGuid():N}"[..12];
    private TestBackend _backend = null!;
    private WebApplication _router = null!;
    private string _socket = "";
    private string _data = "";
    private int _port;

    public async Task InitializeAsync()
    {
        _backend = await TestBackend.StartAsync(app =>
        {
            app.MapGet("/", () => "ok");
            app.MapGet("/fail", () => Results.StatusCode(500));
            app.MapPost("/echo", async (HttpRequest request) => Results.Text(await new StreamReader(request.Body).ReadToEndAsync()));
        });
        _data = Path.Combine(Path.GetTempPath(), $"wharf-router-metrics-{Guid.NewGuid():N}");
        var options = new RouterOptions { DataDirectory = _data, HttpUrls = ["http://127.0.0.1:0"], HttpsUrls = [] };
        _router = RouterHost.Build(options);
        await _router.StartAsync();
        var address = _router.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses
            .First(a => a.StartsWith("http://", StringComparison.Ordinal));
        _port = new Uri(address).Port;
        _socket = options.ControlSocketPath;
    }

    public async Task DisposeAsync()
    {
        await _router.StopAsync();
        await _router.DisposeAsync();
        await _backend.DisposeAsync();
        Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public async Task MetricsText_RequestsForwarded_CountedPerAppServiceReleaseAndClass()
    {
        using var control = new RouterControlClient(_socket);
        await control.ApplyAsync(TestRoutes.Table(
            TestRoutes.Route("web", _app, TestRoutes.Backend("p1", ready: true, address: _backend.Address, release: 7)) with { Release = 7 }));
        using var client = new HttpClient();

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await SendAsync(client, HttpMethod.Get, "/")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.InternalServerError, (await SendAsync(client, HttpMethod.Get, "/fail")).StatusCode);
        var echo = await SendAsync(client, HttpMethod.Post, "/echo", "twelve bytes");
        Assert.Equal("twelve bytes", await echo.Content.ReadAsStringAsync());

        var text = await control.MetricsTextAsync();

        var labels = $"app=\"{_app}\",service=\"web\",release=\"7\"";
        Assert.Contains($"wharf_http_requests_total{{{labels},code=\"2xx\"}} 4\n", text, StringComparison.Ordinal);
        Assert.Contains($"wharf_http_requests_total{{{labels},code=\"5xx\"}} 1\n", text, StringComparison.Ordinal);
        Assert.Contains($"wharf_http_request_duration_seconds_count{{{labels}}} 5\n", text, StringComparison.Ordinal);
        Assert.Contains($"wharf_http_request_bytes_total{{{labels}}} 12\n", text, StringComparison.Ordinal);
        // "ok" three times and the echoed twelve bytes.
        Assert.Contains($"wharf_http_response_bytes_total{{{labels}}} 18\n", text, StringComparison.Ordinal);
        Assert.Equal("", await Promtool.CheckAsync(text));
    }

    [Fact]
    public async Task RequestCountersAsync_RouteWithoutBackend_503CountedForTheRoutesRelease()
    {
        using var control = new RouterControlClient(_socket);
        await control.ApplyAsync(TestRoutes.Table(TestRoutes.Route("api", _app) with { Release = 2 }));
        using var client = new HttpClient();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await SendAsync(client, HttpMethod.Get, "/", service: "api")).StatusCode);

        var counters = Assert.Single(await control.RequestCountersAsync(), c => c.App == _app);
        Assert.Equal(("api", 2), (counters.Service, counters.Release));
        Assert.Equal([0, 0, 0, 0, 1], counters.StatusClasses);
        Assert.Equal(1, counters.DurationBuckets.Sum());
    }

    private Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, string? body = null, string service = "web")
    {
        var request = new HttpRequestMessage(method, $"http://127.0.0.1:{_port}{path}")
        {
            Content = body is null ? null : new StringContent(body),
        };
        request.Headers.Host = $"{service}.{_app}.localhost";
        return client.SendAsync(request);
    }
}
