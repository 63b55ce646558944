using System.Net;
using Microsoft.AspNetCore.Builder;
using Wharf.Router.Tests.Support;

namespace Wharf.Router.Tests.Forwarding;

public sealed class HttpsRedirectTests
{
    [Fact]
    public async Task Redirect_PlainHttpRequest_308ToSameHostAndTargetOnHttpsPort()
    {
        await using var router = await TestRouter.StartAsync(options => options with { RedirectToHttps = true });
        using var client = router.CreateClient();

        using var request = new HttpRequestMessage(HttpMethod.Post, "http://web.hello.localhost/cart/items?id=7&q=a%20b");
        request.Headers.Host = "web.hello.localhost:8000";
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.PermanentRedirect, response.StatusCode);
        Assert.Equal($"https://web.hello.localhost:{router.HttpsPort}/cart/items?id=7&q=a%20b", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Redirect_HttpsRequest_ForwardedNotRedirected()
    {
        await using var backend = await TestBackend.StartAsync(app => app.MapGet("/", () => "secure hello"));
        await using var router = await TestRouter.StartAsync(options => options with { RedirectToHttps = true });
        router.Routes.Add(FakeRoute.For("hello", backends: backend.Live));
        using var client = router.CreateClient(HttpVersion.Version20);

        Assert.Equal("secure hello", await client.GetStringAsync("https://web.hello.localhost/"));
    }

    [Fact]
    public async Task Redirect_Off_PlainHttpForwarded()
    {
        await using var backend = await TestBackend.StartAsync(app => app.MapGet("/", () => "plain hello"));
        await using var router = await TestRouter.StartAsync();
        router.Routes.Add(FakeRoute.For("hello", backends: backend.Live));
        using var client = router.CreateClient();

        Assert.Equal("plain hello", await client.GetStringAsync("http://web.hello.localhost/"));
    }
}
