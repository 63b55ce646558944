using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Wharf.Core.Routing;

namespace Wharf.Router.Tests.Support;

/// <summary>Certificates as a user would import them: PEM text of the certificate and of its private key.</summary>
public static class TestCertificates
{
    /// <summary>A self-signed RSA certificate for <paramref name="hosts"/>, as an importable <see cref="RouterCertificate"/>.</summary>
    public static (RouterCertificate Imported, string Thumbprint) Create(params string[] hosts)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={hosts[0]}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        foreach (var host in hosts)
        {
            names.AddDnsName(host);
        }

        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(90));
        return (new RouterCertificate(hosts, certificate.ExportCertificatePem(), key.ExportPkcs8PrivateKeyPem()), certificate.Thumbprint);
    }
}
