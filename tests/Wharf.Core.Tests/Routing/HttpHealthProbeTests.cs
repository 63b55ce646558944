using System.Net;
using System.Net.Sockets;
using Wharf.Core.Routing;

namespace Wharf.Core.Tests.Routing;

public sealed class HttpHealthProbeTests : IDisposable
{
    private readonly HttpHealthProbe _probe = new();

    [Fact]
    public async Task CheckAsync_Answers200_PassesAndSendsTheServicesHostName()
    {
        await using var server = await TestHttpServer.AnsweringAsync(200);

        var result = await _probe.CheckAsync(server.Address, "web.hello.localhost", "/health", TimeSpan.FromSeconds(10));

        Assert.Equal(new HealthCheckResult(true, "GET /health answered 200 OK"), result);
        Assert.Equal([("web.hello.localhost", "/health")], server.Requests);
    }

    [Fact]
    public async Task CheckAsync_AnswersRedirect_PassesWithoutFollowingIt()
    {
        await using var server = await TestHttpServer.StartAsync(context =>
        {
            context.Response.Redirect("/login");
            return Task.CompletedTask;
        });

        var result = await _probe.CheckAsync(server.Address, "web.hello.localhost", "/", TimeSpan.FromSeconds(10));

        Assert.Equal(new HealthCheckResult(true, "GET / answered 302 Found"), result);
        Assert.Single(server.Requests);
    }

    [Theory]
    [InlineData(404, "GET /health answered 404 Not Found")]
    [InlineData(500, "GET /health answered 500 Internal Server Error")]
    public async Task CheckAsync_AnswersError_FailsNamingTheStatus(int status, string expected)
    {
        await using var server = await TestHttpServer.AnsweringAsync(status);

        var result = await _probe.CheckAsync(server.Address, "web.hello.localhost", "/health", TimeSpan.FromSeconds(10));

        Assert.Equal(new HealthCheckResult(false, expected), result);
    }

    [Fact]
    public async Task CheckAsync_AnswerTooSlow_FailsSayingItGotNoAnswerInTime()
    {
        using var release = new CancellationTokenSource();
        await using var server = await TestHttpServer.StartAsync(context => Task.Delay(Timeout.Infinite, release.Token).ContinueWith(_ => { }, TaskScheduler.Default));

        var result = await _probe.CheckAsync(server.Address, "web.hello.localhost", "/slow", TimeSpan.FromMilliseconds(300));
        await release.CancelAsync();

        Assert.Equal(new HealthCheckResult(false, "GET /slow got no answer within 0.3 s"), result);
    }

    [Fact]
    public async Task CheckAsync_NothingListens_FailsWithConnectionRefused()
    {
        var address = ClosedPort();

        var result = await _probe.CheckAsync(address, "web.hello.localhost", "/", TimeSpan.FromSeconds(10));

        Assert.Equal(new HealthCheckResult(false, "GET / failed: connection refused"), result);
    }

    [Fact]
    public async Task CheckAsync_TcpServerThatSpeaksNoHttp_FailsSayingSo()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        using var stop = new CancellationTokenSource();
        var closing = Task.Run(async () =>
        {
            // Every connection: read the request, close without a word (HttpClient tries again on a new connection).
            while (!stop.IsCancellationRequested)
            {
                using var client = await listener.AcceptTcpClientAsync(stop.Token);
                _ = await client.GetStream().ReadAsync(new byte[4096], stop.Token);
            }
        });

        var result = await _probe.CheckAsync(listener.LocalEndpoint.ToString()!, "db.hello.localhost", "/", TimeSpan.FromSeconds(10));
        await stop.CancelAsync();
        await closing.ContinueWith(_ => { }, TaskScheduler.Default);

        Assert.Equal(new HealthCheckResult(false, "GET / failed: the connection closed without an HTTP answer (is it an HTTP server?)"), result);
    }

    public void Dispose() => _probe.Dispose();

    /// <summary>A loopback address nothing listens on: a port the system gave out and that was closed again.</summary>
    private static string ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var address = listener.LocalEndpoint.ToString()!;
        listener.Stop();
        return address;
    }
}
