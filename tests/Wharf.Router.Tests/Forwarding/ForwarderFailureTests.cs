using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Wharf.Router.Tests.Support;

namespace Wharf.Router.Tests.Forwarding;

public sealed class ForwarderFailureTests
{
    [Fact]
    public async Task Forward_UnknownHost_404WithReason()
    {
        await using var router = await TestRouter.StartAsync();
        using var client = router.CreateClient();

        using var response = await client.GetAsync("http://nobody.example.test/");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("no-route", Assert.Single(response.Headers.GetValues("X-Wharf-Error")));
        Assert.Contains("no app is served at nobody.example.test", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forward_HostWithPortAndOtherCase_RoutedByName()
    {
        await using var backend = await TestBackend.StartAsync(app => app.MapGet("/", () => "hello"));
        await using var router = await TestRouter.StartAsync();
        router.Routes.Add(FakeRoute.For("hello", backends: backend.Live));
        using var client = router.CreateClient();

        using var request = new HttpRequestMessage(HttpMethod.Get, "http://web.hello.localhost/");
        request.Headers.Host = "WEB.Hello.localhost:8123";
        using var response = await client.SendAsync(request);

        Assert.Equal("hello", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Forward_RouteWithoutBackends_503NamingTheService()
    {
        await using var router = await TestRouter.StartAsync();
        router.Routes.Add(FakeRoute.For("hello"));
        using var client = router.CreateClient();

        using var response = await client.GetAsync("http://web.hello.localhost/");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("no-healthy-process", Assert.Single(response.Headers.GetValues("X-Wharf-Error")));
        Assert.Contains("no healthy process for web.hello", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forward_TableSwappedAfterTheRouteWasLookedUp_ServedByTheRouteServedNow()
    {
        // The route the request looked up lost its only backend to a swap before the request picked one (a deploy's
        // old process left the table): the request goes to the new table's process, not a 503.
        await using var backend = await TestBackend.StartAsync(app => app.MapGet("/", () => "from the new release"));
        await using var router = await TestRouter.StartAsync();
        var stale = FakeRoute.For("hello");
        var current = FakeRoute.For("hello", backends: backend.Live);
        stale.OnPick = () => router.Routes.Add(current);
        router.Routes.Add(stale);
        using var client = router.CreateClient();

        using var response = await client.GetAsync("http://web.hello.localhost/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("from the new release", await response.Content.ReadAsStringAsync());
        Assert.Equal(1, backend.Live.Entered);
    }

    [Fact]
    public async Task Forward_BackendDown_502AndFailureReported()
    {
        var down = new FakeBackend(ClosedPort.Address());
        await using var router = await TestRouter.StartAsync();
        router.Routes.Add(FakeRoute.For("hello", backends: down));
        using var client = router.CreateClient();

        using var response = await client.GetAsync("http://web.hello.localhost/");

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("connect-failed", Assert.Single(response.Headers.GetValues("X-Wharf-Error")));
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("the app's process did not answer", body, StringComparison.Ordinal);
        Assert.Contains("web.hello", body, StringComparison.Ordinal);
        // Tried three times in all (the only backend, again after a pause), each failure reported.
        Assert.Equal(["connection refused", "connection refused", "connection refused"], down.Failures);
        Assert.Equal(0, down.InFlight);
    }

    [Fact]
    public async Task Forward_FirstBackendDownOnGet_RetriedOnSecond200()
    {
        var down = new FakeBackend(ClosedPort.Address());
        await using var backend = await TestBackend.StartAsync(app => app.MapGet("/", () => "from the second"));
        await using var router = await TestRouter.StartAsync();
        router.Routes.Add(FakeRoute.For("hello", backends: [down, backend.Live]));
        using var client = router.CreateClient();

        using var response = await client.GetAsync("http://web.hello.localhost/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("from the second", await response.Content.ReadAsStringAsync());
        Assert.Equal("connection refused", Assert.Single(down.Failures));
        Assert.True(await backend.Live.WaitForIdleAsync());
        Assert.Equal(0, down.InFlight);
    }

    [Fact]
    public async Task Forward_FirstBackendDownOnPostWithBody_RetriedBecauseNothingWasSent()
    {
        var down = new FakeBackend(ClosedPort.Address());
        await using var backend = await TestBackend.StartAsync(app => app.MapPost("/", async (HttpRequest request) =>
            $"got {(await new StreamReader(request.Body).ReadToEndAsync()).Length} bytes"));
        await using var router = await TestRouter.StartAsync();
        router.Routes.Add(FakeRoute.For("hello", backends: [down, backend.Live]));
        using var client = router.CreateClient();

        using var response = await client.PostAsync("http://web.hello.localhost/", new StringContent(new string('x', 5000)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("got 5000 bytes", await response.Content.ReadAsStringAsync());
        Assert.Single(down.Failures);
    }

    [Fact]
    public async Task Forward_FirstBackendNeverAccepts_ConnectTimesOutAndRetriedOnSecond()
    {
        using var frozen = new UnresponsiveBackend();
        await using var backend = await TestBackend.StartAsync(app => app.MapGet("/", () => "from the second"));
        await using var router = await TestRouter.StartAsync(options => options with { ConnectTimeout = TimeSpan.FromSeconds(1) });
        router.Routes.Add(FakeRoute.For("hello", backends: [frozen.Live, backend.Live]));
        using var client = router.CreateClient();

        using var response = await client.GetAsync("http://web.hello.localhost/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("connect timed out after 1 s", Assert.Single(frozen.Live.Failures));
    }

    [Fact]
    public async Task Forward_ConnectionResetBeforeResponseOnGet_RetriedOnSecond()
    {
        using var hangUp = new HangUpBackend();
        await using var backend = await TestBackend.StartAsync(app => app.MapGet("/", () => "from the second"));
        await using var router = await TestRouter.StartAsync();
        router.Routes.Add(FakeRoute.For("hello", backends: [hangUp.Live, backend.Live]));
        using var client = router.CreateClient();

        using var response = await client.GetAsync("http://web.hello.localhost/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("from the second", await response.Content.ReadAsStringAsync());
        Assert.Equal(1, hangUp.Connections);
        Assert.Single(hangUp.Live.Failures);
    }

    [Fact]
    public async Task Forward_ConnectionResetBeforeResponseOnPost_502NotRetried()
    {
        using var hangUp = new HangUpBackend();
        await using var backend = await TestBackend.StartAsync(app => app.MapPost("/", () => "must not be reached"));
        await using var router = await TestRouter.StartAsync();
        router.Routes.Add(FakeRoute.For("hello", backends: [hangUp.Live, backend.Live]));
        using var client = router.CreateClient();

        using var response = await client.PostAsync("http://web.hello.localhost/", new StringContent("order #1"));

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("connection-broken", Assert.Single(response.Headers.GetValues("X-Wharf-Error")));
        Assert.Equal(0, backend.Live.Entered);
        Assert.Single(hangUp.Live.Failures);
    }

    [Fact]
    public async Task Forward_AppSlowerThanRouteTimeout_504AndAppSeesAbort()
    {
        var appAborted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var backend = await TestBackend.StartAsync(app => app.MapGet("/", async (HttpContext context) =>
        {
            context.RequestAborted.Register(appAborted.SetResult);
            await Task.Delay(TimeSpan.FromSeconds(60), context.RequestAborted);
            return "too late";
        }));
        await using var router = await TestRouter.StartAsync();
        router.Routes.Add(FakeRoute.For("hello", TimeSpan.FromSeconds(1), backend.Live));
        using var client = router.CreateClient();

        using var response = await client.GetAsync("http://web.hello.localhost/");

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        Assert.Equal("timeout", Assert.Single(response.Headers.GetValues("X-Wharf-Error")));
        Assert.Contains("did not answer within 1 s (web.hello)", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await appAborted.Task.WaitAsync(TimeSpan.FromSeconds(15));
        Assert.Empty(backend.Live.Failures);
        Assert.True(await backend.Live.WaitForIdleAsync());
    }

    [Fact]
    public async Task Forward_ClientDisconnectsMidResponse_AppSeesAbortRouterKeepsServing()
    {
        var appAborted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var backend = await TestBackend.StartAsync(app =>
        {
            app.MapGet("/forever", async (HttpContext context) =>
            {
                context.RequestAborted.Register(appAborted.SetResult);
                var chunk = new byte[1024];
                while (!context.RequestAborted.IsCancellationRequested)
                {
                    await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
                    await Task.Delay(20, context.RequestAborted);
                }
            });
            app.MapGet("/", () => "still here");
        });
        await using var router = await TestRouter.StartAsync();
        router.Routes.Add(FakeRoute.For("hello", backends: backend.Live));

        using (var client = router.CreateClient())
        using (var response = await client.GetAsync("http://web.hello.localhost/forever", HttpCompletionOption.ResponseHeadersRead))
        {
            var body = await response.Content.ReadAsStreamAsync();
            await body.ReadExactlyAsync(new byte[4096]);
        }

        await appAborted.Task.WaitAsync(TimeSpan.FromSeconds(15));
        Assert.True(await backend.Live.WaitForIdleAsync(), "the aborted request was never counted out");
        using var next = router.CreateClient();
        Assert.Equal("still here", await next.GetStringAsync("http://web.hello.localhost/"));
        Assert.Empty(router.Logs.AtLeast(LogLevel.Error));
    }
}
