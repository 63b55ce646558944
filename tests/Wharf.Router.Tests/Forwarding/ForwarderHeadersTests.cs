using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Wharf.Router.Tests.Support;

namespace Wharf.Router.Tests.Forwarding;

public sealed class ForwarderHeadersTests
{
    [Fact]
    public async Task Forward_RequestHeaders_HopByHopRemovedForwardedHeadersSetHostUnchanged()
    {
        await using var backend = await TestBackend.StartAsync(app => app.MapGet("/headers", (HttpRequest request) =>
            request.Headers.ToDictionary(header => header.Key.ToLowerInvariant(), header => header.Value.ToString())));
        await using var router = await TestRouter.StartAsync();
        router.Routes.Add(FakeRoute.For("hello", backends: backend.Live));
        using var client = router.CreateClient();

        using var request = new HttpRequestMessage(HttpMethod.Get, "http://web.hello.localhost/headers?x=1");
        request.Headers.Connection.Add("X-Hop");
        request.Headers.TryAddWithoutValidation("X-Hop", "secret to this connection");
        request.Headers.TryAddWithoutValidation("Keep-Alive", "timeout=5");
        request.Headers.TryAddWithoutValidation("Proxy-Authorization", "Basic Zm9vOmJhcg==");
        request.Headers.TryAddWithoutValidation("X-Forwarded-For", "203.0.113.7");
        request.Headers.TryAddWithoutValidation("X-App-Header", "kept");
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var seen = (await response.Content.ReadFromJsonAsync<Dictionary<string, string>>())!;
        Assert.Equal("web.hello.localhost", seen["host"]);
        Assert.Equal("kept", seen["x-app-header"]);
        Assert.Equal("203.0.113.7, 127.0.0.1", seen["x-forwarded-for"]);
        Assert.Equal("http", seen["x-forwarded-proto"]);
        Assert.Equal("web.hello.localhost", seen["x-forwarded-host"]);
        Assert.Matches("^[0-9a-f]{32}$", seen["x-request-id"]);
        Assert.DoesNotContain("x-hop", seen.Keys);
        Assert.DoesNotContain("keep-alive", seen.Keys);
        Assert.DoesNotContain("proxy-authorization", seen.Keys);
        Assert.False(seen.TryGetValue("connection", out var connection), $"Connection reached the app: {connection}");
        Assert.True(await backend.Live.WaitForIdleAsync());
    }

    [Fact]
    public async Task Forward_ClientSendsRequestId_AppGetsTheSameId()
    {
        await using var backend = await TestBackend.StartAsync(app => app.MapGet("/", (HttpRequest request) => request.Headers["X-Request-Id"].ToString()));
        await using var router = await TestRouter.StartAsync();
        router.Routes.Add(FakeRoute.For("hello", backends: backend.Live));
        using var client = router.CreateClient();

        using var request = new HttpRequestMessage(HttpMethod.Get, "http://web.hello.localhost/");
        request.Headers.Add("X-Request-Id", "trace-me-42");
        using var response = await client.SendAsync(request);

        Assert.Equal("trace-me-42", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Forward_ResponseHeaders_AppHeadersPassHopByHopRemoved()
    {
        await using var backend = await TestBackend.StartAsync(app => app.MapGet("/", (HttpResponse response) =>
        {
            response.Headers.Connection = "X-Backend-Hop";
            response.Headers["X-Backend-Hop"] = "for the router only";
            response.Headers["Keep-Alive"] = "timeout=5";
            response.Headers["X-App"] = "yes";
            response.Headers.Append("Set-Cookie", "a=1; Path=/");
            response.Headers.Append("Set-Cookie", "b=2; Path=/");
            response.Headers.CacheControl = "max-age=60";
            return Results.Text("body", "text/x-test");
        }));
        await using var router = await TestRouter.StartAsync();
        router.Routes.Add(FakeRoute.For("hello", backends: backend.Live));
        using var client = router.CreateClient();

        using var response = await client.GetAsync("http://web.hello.localhost/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("yes", Assert.Single(response.Headers.GetValues("X-App")));
        Assert.Equal(["a=1; Path=/", "b=2; Path=/"], response.Headers.GetValues("Set-Cookie"));
        Assert.Equal("max-age=60", response.Headers.CacheControl!.ToString());
        Assert.Equal("text/x-test", response.Content.Headers.ContentType!.MediaType);
        Assert.False(response.Headers.Contains("X-Backend-Hop"));
        Assert.False(response.Headers.Contains("Keep-Alive"));
        Assert.Equal("Kestrel", response.Headers.Server.ToString()); // the app's own; the router adds none
        Assert.False(response.Headers.Contains("X-Wharf-Error"));
        Assert.Equal("body", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(201)]
    [InlineData(404)]
    [InlineData(500)]
    public async Task Forward_AppAnswersStatus_ClientGetsSameStatusAndBody(int status)
    {
        await using var backend = await TestBackend.StartAsync(app => app.MapMethods("/thing", ["GET", "POST"], () => Results.Text($"app said {status}", statusCode: status)));
        await using var router = await TestRouter.StartAsync();
        router.Routes.Add(FakeRoute.For("hello", backends: backend.Live));
        using var client = router.CreateClient();

        using var response = await client.PostAsync("http://web.hello.localhost/thing", new StringContent("{}"));

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal($"app said {status}", await response.Content.ReadAsStringAsync());
        Assert.False(response.Headers.Contains("X-Wharf-Error"));
        Assert.True(await backend.Live.WaitForIdleAsync());
    }

    [Fact]
    public async Task Forward_EscapedPathAndQuery_AppSeesTargetAsSent()
    {
        await using var backend = await TestBackend.StartAsync(app => app.Run(context =>
            context.Response.WriteAsync(context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget)));
        await using var router = await TestRouter.StartAsync();
        router.Routes.Add(FakeRoute.For("hello", backends: backend.Live));
        using var client = router.CreateClient();

        var target = new Uri("http://web.hello.localhost/a%2Fb/%7Ec?q=x%20y&r=%2F", new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
        var body = await client.GetStringAsync(target);

        Assert.Equal("/a%2Fb/%7Ec?q=x%20y&r=%2F", body);
    }

    [Fact]
    public async Task Forward_Head_HeadersWithLengthAndNoBody()
    {
        await using var backend = await TestBackend.StartAsync(app => app.MapMethods("/file", ["GET", "HEAD"], () => Results.Bytes(new byte[12345], "application/octet-stream")));
        await using var router = await TestRouter.StartAsync();
        router.Routes.Add(FakeRoute.For("hello", backends: backend.Live));
        using var client = router.CreateClient();

        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "http://web.hello.localhost/file"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(12345, response.Content.Headers.ContentLength);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.True(await backend.Live.WaitForIdleAsync());
    }

    [Fact]
    public async Task Forward_ExpectContinue_BodyArrives()
    {
        await using var backend = await TestBackend.StartAsync(app => app.MapPost("/", async (HttpRequest request) => await new StreamReader(request.Body).ReadToEndAsync()));
        await using var router = await TestRouter.StartAsync();
        router.Routes.Add(FakeRoute.For("hello", backends: backend.Live));
        using var client = router.CreateClient();

        using var request = new HttpRequestMessage(HttpMethod.Post, "http://web.hello.localhost/") { Content = new StringContent("after continue") };
        request.Headers.ExpectContinue = true;
        using var response = await client.SendAsync(request);

        Assert.Equal("after continue", await response.Content.ReadAsStringAsync());
    }
}
