using Microsoft.Extensions.Logging.Abstractions;
using Wharf.Core.Routing;
using Wharf.Router.Tests.Support;
using Wharf.Router.Tls;

namespace Wharf.Router.Tests.Tls;

public sealed class RouterCertificatesTests
{
    [Fact]
    public void Select_ImportedWildcard_CoversExactlyOneLabel()
    {
        var (wildcard, thumbprint) = TestCertificates.Create("*.example.com");
        var certificates = new RouterCertificates();
        certificates.Replace([wildcard]);

        Assert.Equal(thumbprint, certificates.Select("a.example.com").TargetCertificate.Thumbprint);
        Assert.Equal(thumbprint, certificates.Select("SHOP.Example.COM").TargetCertificate.Thumbprint);
        Assert.NotEqual(thumbprint, certificates.Select("a.b.example.com").TargetCertificate.Thumbprint);
        Assert.NotEqual(thumbprint, certificates.Select("example.com").TargetCertificate.Thumbprint);
    }

    [Fact]
    public void Select_ExactAndWildcardImported_ExactWins()
    {
        var (wildcard, _) = TestCertificates.Create("*.example.com");
        var (exact, exactThumbprint) = TestCertificates.Create("shop.example.com");
        var certificates = new RouterCertificates();
        certificates.Replace([wildcard, exact]);

        Assert.Equal(exactThumbprint, certificates.Select("shop.example.com").TargetCertificate.Thumbprint);
    }

    [Fact]
    public void Select_SameHostTwice_SameSelfSignedCertificate()
    {
        var certificates = new RouterCertificates();

        var first = certificates.Select("web.hello.localhost").TargetCertificate;
        var second = certificates.Select("WEB.hello.localhost").TargetCertificate;

        Assert.Equal(first.Thumbprint, second.Thumbprint);
        Assert.Equal(["web.hello.localhost"], CertificateNames.Of(first));
    }

    [Fact]
    public void Select_HostTheRouterDoesNotServe_SharedFallbackNotANewCertificate()
    {
        var routes = new FakeRouteResolver();
        routes.Add(FakeRoute.For("hello"));
        var certificates = new RouterCertificates(routes, NullLogger<RouterCertificates>.Instance);

        var served = certificates.Select("web.hello.localhost").TargetCertificate;
        var random1 = certificates.Select("x1.attacker.test").TargetCertificate;
        var random2 = certificates.Select("x2.attacker.test").TargetCertificate;
        var noName = certificates.Select(null).TargetCertificate;

        Assert.Equal(["web.hello.localhost"], CertificateNames.Of(served));
        Assert.Equal(["localhost"], CertificateNames.Of(random1));
        Assert.Equal(random1.Thumbprint, random2.Thumbprint);
        Assert.Equal(random1.Thumbprint, noName.Thumbprint);
    }

    [Fact]
    public void Replace_NewSet_OldCertificatesNoLongerServed()
    {
        var (first, firstThumbprint) = TestCertificates.Create("shop.example.com");
        var certificates = new RouterCertificates();
        certificates.Replace([first]);

        certificates.Replace([]);

        Assert.NotEqual(firstThumbprint, certificates.Select("shop.example.com").TargetCertificate.Thumbprint);
        Assert.Empty(certificates.ImportedHosts);
    }

    [Fact]
    public void Replace_KeyOfAnotherCertificate_ThrowsSentenceAndKeepsPreviousSet()
    {
        var (good, goodThumbprint) = TestCertificates.Create("shop.example.com");
        var (other, _) = TestCertificates.Create("other.example.com");
        var certificates = new RouterCertificates();
        certificates.Replace([good]);

        var error = Assert.Throws<ArgumentException>(() =>
            certificates.Replace([new RouterCertificate(["other.example.com"], other.CertificatePem, good.PrivateKeyPem)]));

        Assert.StartsWith("Certificate 1 (other.example.com) cannot be used", error.Message, StringComparison.Ordinal);
        Assert.Equal(goodThumbprint, certificates.Select("shop.example.com").TargetCertificate.Thumbprint);
    }

    [Fact]
    public void Replace_CertificateWithoutHosts_ServedForItsSubjectAlternativeNames()
    {
        var (imported, thumbprint) = TestCertificates.Create("a.example.com", "b.example.com");
        var certificates = new RouterCertificates();

        certificates.Replace([imported with { Hosts = [] }]);

        Assert.Equal(thumbprint, certificates.Select("b.example.com").TargetCertificate.Thumbprint);
        Assert.Equal(["a.example.com", "b.example.com"], certificates.ImportedHosts.Order());
    }
}
