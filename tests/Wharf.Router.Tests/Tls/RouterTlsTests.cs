using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Wharf.Router.Tests.Support;
using Wharf.Router.Tls;

namespace Wharf.Router.Tests.Tls;

/// <summary>The HTTPS listeners end to end: TLS with the certificate for the name asked for, HTTP/2 and HTTP/1.1.</summary>
public sealed class RouterTlsTests
{
    [Theory]
    [InlineData("2.0")]
    [InlineData("1.1")]
    public async Task Https_SelfSignedCertificateForHost_ForwardedOverHttpVersion(string version)
    {
        await using var backend = await TestBackend.StartAsync(app => app.MapGet("/", (HttpRequest request) =>
            new Dictionary<string, string> { ["proto"] = request.Headers["X-Forwarded-Proto"].ToString(), ["host"] = request.Host.Value ?? "" }));
        await using var router = await TestRouter.StartAsync();
        router.Routes.Add(FakeRoute.For("hello", backends: backend.Live));
        var presented = new List<X509Certificate2>();
        using var client = router.CreateClient(Version.Parse(version), CertificateNames.NamesHost(presented));

        using var response = await client.GetAsync("https://web.hello.localhost/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Version.Parse(version), response.Version);
        var seen = (await response.Content.ReadFromJsonAsync<Dictionary<string, string>>())!;
        Assert.Equal("https", seen["proto"]);
        Assert.Equal("web.hello.localhost", seen["host"]);
        var certificate = Assert.Single(presented);
        Assert.Equal(["web.hello.localhost"], CertificateNames.Of(certificate));
        Assert.NotNull(certificate.GetECDsaPublicKey());
        Assert.InRange(certificate.NotAfter - DateTime.Now, TimeSpan.FromDays(360), TimeSpan.FromDays(366));
    }

    [Fact]
    public async Task Https_Http2UploadAndDownload_StreamedThroughHttp11Backend()
    {
        await using var backend = await TestBackend.StartAsync(app => app.MapPost("/echo", async (HttpContext context) =>
        {
            context.Response.ContentType = "application/octet-stream";
            await context.Request.Body.CopyToAsync(context.Response.Body);
        }));
        await using var router = await TestRouter.StartAsync();
        router.Routes.Add(FakeRoute.For("hello", backends: backend.Live));
        using var client = router.CreateClient(HttpVersion.Version20);
        var body = new byte[3 * 1024 * 1024];
        Random.Shared.NextBytes(body);

        using var response = await client.PostAsync("https://web.hello.localhost/echo", new ByteArrayContent(body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpVersion.Version20, response.Version);
        Assert.Equal(body, await response.Content.ReadAsByteArrayAsync());
        Assert.True(await backend.Live.WaitForIdleAsync());
    }

    [Fact]
    public async Task Https_ImportedCertificate_ServedForItsHostInsteadOfSelfSigned()
    {
        var (imported, thumbprint) = TestCertificates.Create("shop.example.com");
        await using var backend = await TestBackend.StartAsync(app => app.MapGet("/", () => "shop"));
        await using var router = await TestRouter.StartAsync();
        router.Routes.Add(new FakeRoute(FakeRoute.For("shop", backends: backend.Live).Definition with { Hosts = ["shop.example.com"] }, backend.Live));
        router.Services.GetRequiredService<RouterCertificates>().Replace([imported]);
        var presented = new List<X509Certificate2>();
        using var client = router.CreateClient(HttpVersion.Version20, CertificateNames.NamesHost(presented));

        var body = await client.GetStringAsync("https://shop.example.com/");

        Assert.Equal("shop", body);
        Assert.Equal(thumbprint, Assert.Single(presented).Thumbprint);
    }

    [Fact]
    public async Task Https_UnknownHost_FallbackCertificateAnd404()
    {
        await using var router = await TestRouter.StartAsync();
        var presented = new List<X509Certificate2>();
        // The fallback names "localhost", not the host asked for: accept it only if it is exactly that.
        using var client = router.CreateClient(HttpVersion.Version20, (sender, certificate, chain, errors) =>
        {
            presented.Add(new X509Certificate2(certificate!));
            return CertificateNames.Of(certificate!).SequenceEqual(["localhost"]);
        });

        using var response = await client.GetAsync("https://nobody.example.test/");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(["localhost"], CertificateNames.Of(Assert.Single(presented)));
    }
}
