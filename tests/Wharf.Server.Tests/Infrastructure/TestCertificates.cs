using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Wharf.Server.Tests.Infrastructure;

/// <summary>Self-signed certificates made in the test, as PEM, the way `openssl req -x509` would make them.</summary>
public static class TestCertificates
{
    public sealed record Pem(string CertificatePem, string PrivateKeyPem);

    /// <summary>An ECDSA P-256 certificate for <paramref name="hosts"/>, valid from yesterday for <paramref name="days"/> days (negative: expired).</summary>
    public static Pem Ecdsa(string[] hosts, int days = 90)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={hosts[0]}", key, HashAlgorithmName.SHA256);
        return Create(request, key, hosts, days);
    }

    public static Pem Rsa(string[] hosts, int days = 90)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={hosts[0]}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return Create(request, key, hosts, days);
    }

    /// <summary>The PEM body (base64 of the key's DER), as it would appear if a key were stored unsealed.</summary>
    public static IEnumerable<string> KeyBodyLines(string privateKeyPem) =>
        privateKeyPem.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => !line.StartsWith("-----", StringComparison.Ordinal));

    private static Pem Create(CertificateRequest request, AsymmetricAlgorithm key, string[] hosts, int days)
    {
        var names = new SubjectAlternativeNameBuilder();
        foreach (var host in hosts)
        {
            names.AddDnsName(host);
        }

        request.CertificateExtensions.Add(names.Build());
        var notBefore = DateTimeOffset.UtcNow.AddDays(days < 0 ? days - 30 : -1);
        using var certificate = request.CreateSelfSigned(notBefore, DateTimeOffset.UtcNow.AddDays(days));
        return new Pem(certificate.ExportCertificatePem(), key.ExportPkcs8PrivateKeyPem());
    }
}
